package io.marquee.viewing.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Cross-device sync settings ({@code marquee.viewing.sync.*}, SPEC §5).
 *
 * @param keyPrefix Redis keys and the pub/sub channel start with it
 * @param streamLength each profile's Redis Stream keeps about this many events, for {@code Last-Event-ID}
 * @param streamTtl and expires this long after its last event
 * @param keepAlive a comment is sent on every open stream this often
 * @param streamTimeout a stream is closed after this long (clients reconnect with {@code Last-Event-ID})
 * @param ticketTtl a ticket for {@code EventSource} is valid this long, once
 * @param maxStreamsPerUser open streams per account, across instances
 */
@Validated
@ConfigurationProperties("marquee.viewing.sync")
record SyncSettings(
        @NotBlank @DefaultValue("marquee:viewing:") String keyPrefix,
        @Min(1) @Max(10_000) @DefaultValue("100") int streamLength,
        @NotNull @DefaultValue("24h") Duration streamTtl,
        @NotNull @DefaultValue("15s") Duration keepAlive,
        @NotNull @DefaultValue("1h") Duration streamTimeout,
        @NotNull @DefaultValue("60s") Duration ticketTtl,
        @Min(1) @DefaultValue("10") int maxStreamsPerUser) {}
