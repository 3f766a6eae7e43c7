package io.marquee.viewing.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Viewing settings ({@code marquee.viewing.*}); the defaults are the PoC's constants (PoC §3.1–3.5).
 *
 * @param completion when a bookmark counts as watched
 * @param staleAfter an untouched bookmark leaves continue watching for paused after this long
 * @param maxClockAhead how far a heartbeat's {@code recorded_at} may be ahead of the server's clock
 * @param continueWatchingCandidates at most this many titles are considered for continue watching (before the
 *     parental filter and the {@code limit} of the request)
 * @param scoring resumption scoring of continue watching
 * @param heartbeatBatch how heartbeats are gathered into one write
 */
@Validated
@ConfigurationProperties("marquee.viewing")
record ViewingSettings(
        @Valid @NotNull @DefaultValue Completion completion,
        @NotNull @DefaultValue("30d") Duration staleAfter,
        @NotNull @DefaultValue("5m") Duration maxClockAhead,
        @Min(20) @Max(1000) @DefaultValue("200") int continueWatchingCandidates,
        @Valid @NotNull Scoring scoring,
        @Valid @NotNull @DefaultValue HeartbeatBatch heartbeatBatch) {

    /**
     * Heartbeats arriving within {@code window} of the first one are written as one multi-row upsert in one
     * transaction, at most {@code maxSize} of them ({@code 1}: each on its own). Every heartbeat waits up to
     * {@code window} longer for its answer.
     */
    record HeartbeatBatch(
            @NotNull @DefaultValue("5ms") Duration window,
            @Min(1) @Max(1000) @DefaultValue("64") int maxSize) {}

    /**
     * {@code completed = position ≥ percent × duration OR (duration > longerThan AND duration − position ≤
     * remaining)}.
     */
    record Completion(
            @DecimalMin("0.5") @DecimalMax("1.0") @DefaultValue("0.95")
            double percent,

            @NotNull @DefaultValue("120s") Duration remaining,
            @NotNull @DefaultValue("600s") Duration longerThan) {

        boolean completed(int positionSeconds, int durationSeconds) {
            return positionSeconds >= percent * durationSeconds
                    || (durationSeconds > longerThan.toSeconds()
                            && durationSeconds - positionSeconds <= remaining.toSeconds());
        }
    }

    /**
     * PoC §3.5. {@code recency = e^(−age / recencyDecay)}; series momentum counts the profile's episodes of the series
     * completed within {@code momentumWindow}, up to {@code momentumCap}; a movie's momentum is {@code movieMomentum}.
     */
    record Scoring(
            @NotNull @DefaultValue("7d") Duration recencyDecay,
            @NotNull @DefaultValue("30d") Duration momentumWindow,
            @Min(1) @DefaultValue("5") int momentumCap,

            @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.5")
            double movieMomentum,

            @Valid @NotNull Weights weights,
            @Valid @NotNull Weights weightsWithHour,
            @Valid @NotNull HourWindow mobileMorning,
            @Valid @NotNull HourWindow tvEvening) {}

    /** Weights of the score's parts; {@link Scoring#weights()} is used without an hour, so its {@code time} is 0. */
    record Weights(
            @DecimalMin("0") double recency,
            @DecimalMin("0") double completion,
            @DecimalMin("0") double momentum,
            @DecimalMin("0") double time) {}

    /**
     * Hours {@code from..to} (inclusive) in which a device favours remaining time: the mobile morning favours little
     * left (up to {@code horizon}), the TV evening a lot left (up to {@code horizon}).
     */
    record HourWindow(
            @Min(0) @Max(23) int from,
            @Min(0) @Max(23) int to,
            @NotNull Duration horizon) {

        boolean contains(int hour) {
            return hour >= from && hour <= to;
        }
    }
}
