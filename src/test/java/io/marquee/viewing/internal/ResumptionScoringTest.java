package io.marquee.viewing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.viewing.internal.ResumptionScoring.Candidate;
import io.marquee.viewing.internal.ResumptionScoring.Device;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** PoC §3.5 by hand, at the edges the HTTP tests do not reach. */
class ResumptionScoringTest {

    static final Instant NOW = Instant.parse("2026-03-01T20:00:00Z");

    final ResumptionScoring scoring = new ResumptionScoring(new ViewingSettings.Scoring(
            Duration.ofDays(7),
            Duration.ofDays(30),
            5,
            0.5,
            new ViewingSettings.Weights(0.40, 0.25, 0.35, 0),
            new ViewingSettings.Weights(0.30, 0.20, 0.25, 0.25),
            new ViewingSettings.HourWindow(6, 10, Duration.ofMinutes(60)),
            new ViewingSettings.HourWindow(19, 23, Duration.ofMinutes(120))));

    @Test
    void progressIsRoundedToOneDecimalHalfEvenOnTheBinaryValue() {
        assertThat(ResumptionScoring.progressPercent(1, 3)).isEqualTo(33.3);
        assertThat(ResumptionScoring.progressPercent(2, 3)).isEqualTo(66.7);
        assertThat(ResumptionScoring.progressPercent(1, 16)).isEqualTo(6.2); // 6.25 exactly: to even
        assertThat(ResumptionScoring.progressPercent(3, 16)).isEqualTo(18.8); // 18.75 exactly: to even
        assertThat(ResumptionScoring.progressPercent(0, 0)).isEqualTo(0.0);
    }

    @Test
    void momentumIsCappedAtFiveFinishedEpisodes() {
        Candidate seven = new Candidate(NOW, 50.0, 1200, 2400, 7);
        Candidate none = new Candidate(NOW, 50.0, 1200, 2400, 0);
        // 0.40·1 + 0.25·1 + 0.35·(min(7, 5)/5) = 1.0; with none finished 0.65
        assertThat(scoring.score(seven, NOW, Device.WEB, null)).isEqualTo(1.0);
        assertThat(scoring.score(none, NOW, Device.WEB, null)).isEqualTo(0.65);
    }

    @Test
    void theHourWindowsIncludeTheirEdges() {
        Candidate movie = new Candidate(NOW, 50.0, 3000, 6000, null); // 50 min left
        double neutral = 0.30 + 0.20 + 0.25 * 0.5 + 0.25 * 0.5;
        double morning = 0.30 + 0.20 + 0.25 * 0.5 + 0.25 * (1 - 50.0 / 60);
        double evening = 0.30 + 0.20 + 0.25 * 0.5 + 0.25 * (50.0 / 120);
        assertThat(scoring.score(movie, NOW, Device.MOBILE, 5)).isEqualTo(round(neutral));
        assertThat(scoring.score(movie, NOW, Device.MOBILE, 6)).isEqualTo(round(morning));
        assertThat(scoring.score(movie, NOW, Device.MOBILE, 10)).isEqualTo(round(morning));
        assertThat(scoring.score(movie, NOW, Device.MOBILE, 11)).isEqualTo(round(neutral));
        assertThat(scoring.score(movie, NOW, Device.TV, 19)).isEqualTo(round(evening));
        assertThat(scoring.score(movie, NOW, Device.TV, 23)).isEqualTo(round(evening));
        assertThat(scoring.score(movie, NOW, Device.TV, 18)).isEqualTo(round(neutral));
    }

    @Test
    void recencyDecaysWithAnEFoldingTimeOfSevenDays() {
        Candidate weekOld = new Candidate(NOW.minus(Duration.ofDays(7)), 0.0, 0, 6000, null);
        // 0.40·e^−1 + 0.25·0 + 0.35·0.5
        assertThat(scoring.score(weekOld, NOW, Device.WEB, null)).isEqualTo(round(0.40 * Math.exp(-1) + 0.175));
    }

    private static double round(double value) {
        return ResumptionScoring.round(value, 4);
    }
}
