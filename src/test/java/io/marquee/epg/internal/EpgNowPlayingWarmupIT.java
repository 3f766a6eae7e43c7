package io.marquee.epg.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.platform.cache.CacheSettings;
import io.marquee.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

@IntegrationTest
class EpgNowPlayingWarmupIT {

    @Autowired
    NowPlayingWarmup warmup;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    CacheSettings cacheSettings;

    @Autowired
    MeterRegistry meters;

    @Test
    void theJobPutsNowPlayingIntoTheCache() {
        String key = cacheSettings.keyPrefix() + GuideCache.NOW_PLAYING + "::all";
        redis.delete(key);

        warmup.run();

        assertThat(redis.hasKey(key)).isTrue();
        assertThat(redis.getExpire(key)).isBetween(1L, 30L);
        assertThat(meters.timer("marquee.jobs.runs", "job", NowPlayingWarmup.JOB)
                        .count())
                .isPositive();
    }
}
