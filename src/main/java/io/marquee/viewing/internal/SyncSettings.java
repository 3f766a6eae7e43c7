package io.marquee.viewing.internal;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Cross-device sync ({@code marquee.viewing.sync.*}, SPEC §5).
 *
 * @param keyPrefix Redis keys and the pub/sub channel start with this
 * @param streamLength events kept per profile for {@code Last-Event-ID} resumes (approximately)
 * @param streamRetention a profile's events are dropped this long after its last one
 * @param keepAlive comment sent on idle streams so proxies keep them open
 * @param maxStreamsPerUser open event streams per account, across instances
 * @param ticketTtl lifetime of a single-use stream ticket
 * @param streamTimeout a stream is closed after this long; the client reconnects with {@code Last-Event-ID}
 */
@Validated
@ConfigurationProperties("marquee.viewing.sync")
record SyncSettings(
        @NotBlank @DefaultValue("marquee:sync:") String keyPrefix,
        @Min(10) @DefaultValue("100") int streamLength,
        @NotNull @DefaultValue("24h") Duration streamRetention,
        @NotNull @DefaultValue("15s") Duration keepAlive,
        @Min(1) @DefaultValue("10") int maxStreamsPerUser,
        @NotNull @DefaultValue("60s") Duration ticketTtl,
        @NotNull @DefaultValue("30m") Duration streamTimeout) {}
