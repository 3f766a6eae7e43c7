package io.marquee.identity.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Identity settings ({@code marquee.identity.*}).
 *
 * @param password Argon2id cost; the defaults are OWASP's minimum (19 MiB, 2 passes, 1 lane)
 * @param refreshIdleTtl a refresh token unused this long expires
 * @param refreshAbsoluteTtl a sign-in ends this long after the password was entered, however often it is refreshed
 * @param statusCacheTtl how long this instance trusts a user's {@code is_active} flag (a deactivated user's access
 *     tokens stop working within this time)
 * @param ownershipCacheTtl how long this instance trusts that a profile belongs to a user
 * @param maxProfiles profiles per account
 */
@Validated
@ConfigurationProperties("marquee.identity")
record IdentitySettings(
        @Valid @NotNull @DefaultValue Password password,
        @NotNull @DefaultValue("7d") Duration refreshIdleTtl,
        @NotNull @DefaultValue("30d") Duration refreshAbsoluteTtl,
        @NotNull @DefaultValue("30s") Duration statusCacheTtl,
        @NotNull @DefaultValue("10m") Duration ownershipCacheTtl,
        @Min(1) @Max(20) @DefaultValue("5") int maxProfiles) {

    record Password(
            @Min(19 * 1024) @DefaultValue("19456") int memoryKib,
            @Min(2) @DefaultValue("2") int iterations,
            @Min(1) @DefaultValue("1") int parallelism) {}
}
