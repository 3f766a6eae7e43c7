package io.marquee.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.marquee.platform.security.JwtSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Access tokens (SPEC §3, RFC 9068): HS256 JWTs with header {@code typ: at+jwt} and the claims {@code sub} (user
 * id), {@code iat}, {@code exp}, {@code iss}, {@code aud}, {@code jti}, and {@code sid} (the sign-in). They carry no role: the admin guard reads the
 * database.
 */
@Component
class AccessTokens {

    static final String TYPE = "at+jwt";

    private final JwtSettings settings;
    private final Clock clock;
    private final MACSigner signer;

    AccessTokens(JwtSettings settings, Clock clock) throws JOSEException {
        this.settings = settings;
        this.clock = clock;
        this.signer = new MACSigner(settings.secretBytes());
    }

    static final String SIGN_IN_CLAIM = "sid";

    /** {@code signInId} names the refresh-token family, so that signing that device out can reach its streams. */
    String issue(UUID userId, UUID signInId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(userId.toString())
                .issuer(settings.issuer())
                .audience(settings.audience())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.accessTokenTtl())))
                .jwtID(UUID.randomUUID().toString())
                .claim(SIGN_IN_CLAIM, signInId.toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(new JOSEObjectType(TYPE))
                        .build(),
                claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
        return jwt.serialize();
    }

    /**
     * Accepts only HS256 tokens of this issuer for this audience, typed {@code at+jwt}, with every claim present; each
     * distinct token is verified once while it is valid (see {@link VerifiedTokens}).
     */
    JwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(
                        new SecretKeySpec(settings.secretBytes(), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        // `iss` stays the string it is: the default conversion tries it as a URL first, and "marquee" is none, which
        // costs a thrown and caught exception on every request
        decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString())));
        JwtTimestampValidator timestamps = new JwtTimestampValidator(settings.clockSkew());
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(
                timestamps,
                new JwtTypeValidator(TYPE),
                new JwtIssuerValidator(settings.issuer()),
                new JwtAudienceValidator(settings.audience()),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, AccessTokens::isUuid),
                new JwtClaimValidator<Object>(JwtClaimNames.IAT, Objects::nonNull),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<Object>(JwtClaimNames.JTI, Objects::nonNull))));
        return new VerifiedTokens(decoder, clock, settings.clockSkew());
    }

    private static boolean isUuid(String subject) {
        try {
            return subject != null && UUID.fromString(subject).toString().equals(subject);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
