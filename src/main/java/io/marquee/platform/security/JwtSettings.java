package io.marquee.platform.security;

import io.marquee.platform.config.InvalidConfigurationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access-token settings. The signing secret comes from {@code JWT_SECRET} and has no default anywhere: a missing
 * or short secret stops the process at start-up (plan 1.1).
 *
 * @param secret HS256 key material, at least 32 bytes of UTF-8
 * @param issuer {@code iss} written and required
 * @param audience {@code aud} written and required
 * @param accessTokenTtl lifetime of an access token
 * @param clockSkew tolerated clock difference when validating {@code exp}/{@code iat}
 */
@ConfigurationProperties("marquee.jwt")
public record JwtSettings(
        String secret,
        @DefaultValue("marquee") String issuer,
        @DefaultValue("marquee-api") String audience,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("60s") Duration clockSkew) {

    static final int MINIMUM_SECRET_BYTES = 32;

    public JwtSettings {
        requireUsableSecret(secret);
    }

    /** Called at start-up before anything else is built, and again when the settings are bound. */
    public static void requireUsableSecret(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new InvalidConfigurationException("JWT_SECRET", "is not set");
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length < MINIMUM_SECRET_BYTES) {
            throw new InvalidConfigurationException("JWT_SECRET", "is shorter than " + MINIMUM_SECRET_BYTES + " bytes");
        }
    }

    public byte[] secretBytes() {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "JwtSettings[issuer=" + issuer + ", audience=" + audience + ", secret=<hidden>]";
    }
}
