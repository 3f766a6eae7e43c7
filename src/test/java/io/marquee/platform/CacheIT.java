package io.marquee.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static testprobe.ProbeEndpoints.computations;

import io.marquee.platform.cache.CacheSettings;
import io.marquee.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import testprobe.ProbeEndpoints;

@IntegrationTest
@Import(ProbeEndpoints.class)
class CacheIT {

    @Autowired
    RestTestClient http;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    CacheSettings settings;

    @Test
    void valuesAreCachedInRedisWithTheConfiguredTimeToLive() {
        String key = "ttl-" + System.nanoTime();
        assertThat(computations(http, key)).isEqualTo(1);
        assertThat(computations(http, key)).isEqualTo(1);

        String redisKey = settings.keyPrefix() + "probe::" + key;
        assertThat(redisKey).startsWith("marquee-test:");
        Long ttl = redis.getExpire(redisKey);
        assertThat(ttl).isBetween(80L, 90L); // marquee.cache.ttl.probe = 90s in the test profile
    }

    @Test
    void hitsAndMissesAreCountedPerCache() {
        String key = "metrics-" + System.nanoTime();
        http.get().uri("/probe/cached/" + key).exchange();
        http.get().uri("/probe/cached/" + key).exchange();
        String metrics = http.get()
                .uri("/metrics")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(metrics)
                .containsPattern("cache_gets_total\\{[^}]*cache=\"probe\"[^}]*result=\"hit\"[^}]*} [1-9]")
                .containsPattern("cache_gets_total\\{[^}]*cache=\"probe\"[^}]*result=\"miss\"[^}]*} [1-9]");
    }
}
