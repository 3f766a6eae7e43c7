package io.marquee.platform.ratelimit;

import static io.marquee.platform.ratelimit.RateLimitIT.concurrently;
import static io.marquee.platform.ratelimit.RateLimitIT.get;
import static io.marquee.platform.ratelimit.RateLimitIT.uniqueAddress;
import static io.marquee.platform.ratelimit.RateLimitIT.uniqueUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marquee.platform.ratelimit.RateLimiter.Decision;
import io.marquee.platform.ratelimit.RateLimiter.Outcome;
import io.marquee.support.IntegrationTest;
import io.marquee.support.TcpProxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import testprobe.ProbeEndpoints;
import testprobe.RateLimitProbe;

/**
 * Redis is reached through a proxy that the tests cut: the fail-closed limit answers 503, every other limit lets
 * requests through, and both are counted. This context trusts no proxy on the loopback interface, so here the
 * tests' own address is the client's.
 */
@IntegrationTest
@Import({ProbeEndpoints.class, RateLimitProbe.class})
@TestPropertySource(
        properties = {
            "marquee.rate-limit.limits.probe.capacity=5",
            "marquee.rate-limit.limits.probe.refill-tokens=5",
            "marquee.rate-limit.trusted-proxies=10.0.0.0/8"
        })
class RateLimitOutageIT {

    static final TcpProxy redis = TcpProxy.toRedis();

    @DynamicPropertySource
    static void throughProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", redis::redisUrlThrough);
    }

    @Autowired
    RestTestClient http;

    @Autowired
    RateLimiter limiter;

    @AfterEach
    void bringRedisBack() {
        redis.restore();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(get(http, "/api/probe/rl/closed", Map.of())
                                .getResponseHeaders()
                                .getFirst("RateLimit"))
                        .isNotNull());
    }

    @AfterAll
    static void closeProxy() {
        redis.close();
    }

    @Test
    void whileRedisIsDownTheFailClosedLimitAnswers503AndTheOthersLetRequestsThrough() {
        String user = uniqueUser();
        assertThat(get(http, "/api/probe/rl/closed", Map.of()).getStatus().value())
                .isEqualTo(200);

        redis.cut();

        EntityExchangeResult<String> closed = get(http, "/api/probe/rl/closed", Map.of());
        assertThat(closed.getStatus().value()).isEqualTo(503);
        assertThat(closed.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(closed.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo("5");
        assertThat(closed.getResponseBody()).contains("\"type\":\"urn:marquee:problem:unavailable\"");

        for (String uri : new String[] {"/api/probe/rl/user", "/api/probe/rl/plain", "/api/probe/rl/sessions/s1"}) {
            EntityExchangeResult<String> open = get(http, uri, Map.of("X-Probe-User", user));
            assertThat(open.getStatus().value()).as(uri).isEqualTo(200);
            assertThat(open.getResponseHeaders().getFirst("RateLimit")).as(uri).isNull();
        }

        String metrics = get(http, "/metrics", Map.of()).getResponseBody();
        assertThat(metrics)
                .containsPattern("marquee_rate_limit_unavailable_total\\{[^}]*limit=\"probe-closed\""
                        + "[^}]*outcome=\"rejected\"[^}]*} [1-9]")
                .containsPattern(
                        "marquee_rate_limit_unavailable_total\\{[^}]*limit=\"probe\"[^}]*outcome=\"allowed\"[^}]*} [1-9]");
    }

    @Test
    void concurrentChecksWhileRedisIsDownEachGetTheOutcomeOfTheirOwnLimit() throws Exception {
        String user = uniqueUser();
        redis.cut();

        List<Decision> decisions =
                concurrently(200, i -> limiter.consume(i % 2 == 0 ? "probe-closed" : "probe", user + ":" + i));

        for (int i = 0; i < decisions.size(); i++) {
            Decision decision = decisions.get(i);
            assertThat(decision.name()).isEqualTo(i % 2 == 0 ? "probe-closed" : "probe");
            assertThat(decision.outcome()).isEqualTo(i % 2 == 0 ? Outcome.UNAVAILABLE : Outcome.UNCHECKED);
        }
    }

    @Test
    void forwardedForIsIgnoredWhenThePeerIsNotATrustedProxy() {
        for (int i = 0; i < 5; i++) {
            assertThat(get(http, "/api/probe/rl/ip", Map.of("X-Forwarded-For", uniqueAddress()))
                            .getStatus()
                            .value())
                    .isEqualTo(200);
        }

        assertThat(get(http, "/api/probe/rl/ip", Map.of("X-Forwarded-For", uniqueAddress()))
                        .getStatus()
                        .value())
                .isEqualTo(429);
    }
}
