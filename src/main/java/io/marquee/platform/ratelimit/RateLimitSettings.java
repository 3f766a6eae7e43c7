package io.marquee.platform.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits (token buckets in Redis, shared by every instance).
 *
 * @param enabled {@code false} turns every limit off
 * @param keyPrefix prefix of every bucket key in Redis (tests use a per-run prefix)
 * @param trustedProxies IP addresses or CIDR ranges of the reverse proxies whose {@code X-Forwarded-For} is believed
 * @param errorLogInterval while Redis fails, one warning per interval
 * @param limits the limits by name; {@code general} applies to every {@code /api} endpoint without
 *     {@link RateLimited}
 */
@Validated
@ConfigurationProperties("marquee.rate-limit")
record RateLimitSettings(
        @DefaultValue("true") boolean enabled,
        @NotBlank @DefaultValue("marquee:rl:") String keyPrefix,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("60s") Duration errorLogInterval,
        @DefaultValue Map<String, @Valid Limit> limits) {

    static final String GENERAL = "general";

    /**
     * A bucket of {@code capacity} tokens that regains {@code refillTokens} every {@code refillPeriod}, continuously
     * (greedy refill). A capacity above the refill allows bursts.
     *
     * @param failClosed when Redis is unreachable, reject requests (503) instead of letting them through
     */
    record Limit(
            @Positive long capacity,
            @Positive long refillTokens,
            @NotNull @DurationMin(millis = 1) Duration refillPeriod,
            boolean failClosed) {

        /** Seconds in which an empty bucket fills up again: {@code capacity} requests per this window. */
        long windowSeconds() {
            double seconds = refillPeriod.toNanos() / 1e9 * capacity / refillTokens;
            return Math.max(1, (long) Math.ceil(seconds));
        }
    }
}
