package io.marquee.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.platform.ratelimit.RateLimitSettings.Limit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitSettingsTest {

    @Test
    void theWindowIsTheTimeAnEmptyBucketTakesToFillUp() {
        assertThat(new Limit(5, 5, Duration.ofMinutes(1), true).windowSeconds()).isEqualTo(60);
        assertThat(new Limit(120, 60, Duration.ofMinutes(1), false).windowSeconds())
                .isEqualTo(120);
        assertThat(new Limit(10, 3, Duration.ofSeconds(1), false).windowSeconds())
                .isEqualTo(4);
        assertThat(new Limit(1, 1000, Duration.ofSeconds(1), false).windowSeconds())
                .as("at least a second")
                .isEqualTo(1);
        assertThat(new Limit(1_000_000_000, 1, Duration.ofDays(1), false).windowSeconds())
                .isEqualTo(86_400_000_000_000L);
    }
}
