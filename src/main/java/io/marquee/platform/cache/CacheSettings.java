package io.marquee.platform.cache;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Redis caches.
 *
 * @param keyPrefix prefix of every cache key (tests use a per-run prefix)
 * @param ttl time to live per cache name; a cache must be listed here to exist
 * @param errorLogInterval while Redis fails, one warning per interval (requests carry on from the database)
 */
@Validated
@ConfigurationProperties("marquee.cache")
public record CacheSettings(
        @NotBlank @DefaultValue("marquee:cache:") String keyPrefix,
        @DefaultValue Map<String, Duration> ttl,
        @DefaultValue("60s") Duration errorLogInterval) {}
