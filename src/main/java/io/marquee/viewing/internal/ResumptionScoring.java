package io.marquee.viewing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * Resumption scoring of continue watching (PoC §3.5): recency, closeness to the middle, series momentum and, when the
 * client sends its local hour, how well the time left suits the device at that hour. Pure, so it is tested by hand
 * computation.
 */
final class ResumptionScoring {

    /** What the client is: {@code device_type} of the request. */
    enum Device {
        TV,
        MOBILE,
        TABLET,
        WEB
    }

    /**
     * One candidate.
     *
     * @param progressPercent the rounded {@code progress_percent} the item shows
     * @param seriesCompleted for an episode, the profile's completed episodes of its series within the momentum
     *     window; {@code null} for a movie
     */
    record Candidate(
            Instant updatedAt,
            double progressPercent,
            int positionSeconds,
            int durationSeconds,
            Integer seriesCompleted) {}

    private final ViewingSettings.Scoring settings;

    ResumptionScoring(ViewingSettings.Scoring settings) {
        this.settings = settings;
    }

    /** The score in [0, 1], rounded to 4 decimal places (half-even on the binary value, as Python's round). */
    double score(Candidate item, Instant now, Device device, Integer hourOfDay) {
        double ageSeconds = Duration.between(item.updatedAt(), now).toMillis() / 1000.0;
        double recency = Math.exp(-ageSeconds / settings.recencyDecay().toSeconds());
        double completion = clamp(1 - Math.abs(item.progressPercent() - 50) / 50);
        double momentum = item.seriesCompleted() == null
                ? settings.movieMomentum()
                : Math.min(item.seriesCompleted(), settings.momentumCap()) / (double) settings.momentumCap();
        double score;
        if (hourOfDay == null) {
            ViewingSettings.Weights w = settings.weights();
            score = w.recency() * recency + w.completion() * completion + w.momentum() * momentum;
        } else {
            ViewingSettings.Weights w = settings.weightsWithHour();
            double time = timeAffinity(item, device, hourOfDay);
            score = w.recency() * recency + w.completion() * completion + w.momentum() * momentum + w.time() * time;
        }
        return round(clamp(score), 4);
    }

    private double timeAffinity(Candidate item, Device device, int hour) {
        double remainingMinutes = Math.max(0, item.durationSeconds() - item.positionSeconds()) / 60.0;
        ViewingSettings.HourWindow morning = settings.mobileMorning();
        ViewingSettings.HourWindow evening = settings.tvEvening();
        if (device == Device.MOBILE && morning.contains(hour)) {
            double horizon = morning.horizon().toSeconds() / 60.0;
            return 1 - Math.min(remainingMinutes, horizon) / horizon;
        }
        if (device == Device.TV && evening.contains(hour)) {
            double horizon = evening.horizon().toSeconds() / 60.0;
            return Math.min(remainingMinutes, horizon) / horizon;
        }
        return 0.5;
    }

    /** {@code position / duration × 100} to one decimal place, half-even on the binary value; 0 without a duration. */
    static double progressPercent(int positionSeconds, int durationSeconds) {
        if (durationSeconds <= 0) {
            return 0.0;
        }
        return round((double) positionSeconds / durationSeconds * 100, 1);
    }

    static double round(double value, int places) {
        return new BigDecimal(value).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
