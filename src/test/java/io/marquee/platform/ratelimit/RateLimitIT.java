package io.marquee.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.MarqueeApplication;
import io.marquee.platform.ratelimit.RateLimiter.Decision;
import io.marquee.platform.ratelimit.RateLimiter.Outcome;
import io.marquee.support.IntegrationTest;
import io.marquee.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import testprobe.ProbeEndpoints;
import testprobe.RateLimitProbe;
import testprobe.UnknownRateLimitProbe;

/**
 * The limits themselves, through HTTP against the real Redis: {@code probe} and {@code general} allow 5 requests a
 * minute here, and the loopback addresses the tests connect from are trusted proxies. Every test draws on buckets of
 * its own (unique users and client addresses), so the tests run in any order.
 */
@IntegrationTest
@Import({ProbeEndpoints.class, RateLimitProbe.class})
@TestPropertySource(
        properties = {
            RateLimitIT.PROBE_CAPACITY,
            RateLimitIT.PROBE_REFILL,
            RateLimitIT.GENERAL_CAPACITY,
            RateLimitIT.GENERAL_REFILL,
            RateLimitIT.TRUSTED_LOOPBACK
        })
class RateLimitIT {

    static final String PROBE_CAPACITY = "marquee.rate-limit.limits.probe.capacity=5";
    static final String PROBE_REFILL = "marquee.rate-limit.limits.probe.refill-tokens=5";
    static final String GENERAL_CAPACITY = "marquee.rate-limit.limits.general.capacity=5";
    static final String GENERAL_REFILL = "marquee.rate-limit.limits.general.refill-tokens=5";
    static final String TRUSTED_LOOPBACK = "marquee.rate-limit.trusted-proxies=127.0.0.1,::1";

    @Autowired
    RestTestClient http;

    @Autowired
    MutableClock clock;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    RateLimitSettings settings;

    @Autowired
    RateLimiter limiter;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String uniqueUser() {
        return "rl-" + UUID.randomUUID();
    }

    static String uniqueAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** Runs {@code call} for 0 to {@code n - 1} on as many threads, released together; answers in order. */
    static <T> List<T> concurrently(int n, IntFunction<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.apply(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    static EntityExchangeResult<String> get(RestTestClient client, String uri, Map<String, String> headers) {
        return client.get()
                .uri(uri)
                .headers(h -> headers.forEach(h::add))
                .exchange()
                .returnResult(String.class);
    }

    private EntityExchangeResult<String> asUser(String uri, String user) {
        return get(http, uri, Map.of("X-Probe-User", user));
    }

    private EntityExchangeResult<String> forwardedFor(String uri, String forwardedFor) {
        return get(http, uri, Map.of("X-Forwarded-For", forwardedFor));
    }

    private static int status(EntityExchangeResult<String> result) {
        return result.getStatus().value();
    }

    private static String header(EntityExchangeResult<String> result, String name) {
        return result.getResponseHeaders().getFirst(name);
    }

    private void drain(String uri, String user) {
        for (int i = 0; i < 5; i++) {
            assertThat(status(asUser(uri, user))).as("request %d", i + 1).isEqualTo(200);
        }
    }

    @Test
    void theSixthRequestInAWindowIsA429ProblemWithRetryAfterAndRateLimitHeaders() {
        String user = uniqueUser();
        for (int i = 0; i < 5; i++) {
            EntityExchangeResult<String> ok = asUser("/api/probe/rl/user", user);
            assertThat(status(ok)).isEqualTo(200);
            assertThat(header(ok, "RateLimit-Policy")).isEqualTo("\"probe\";q=5;w=60");
            assertThat(header(ok, "RateLimit")).matches("\"probe\";r=" + (4 - i) + ";t=\\d+");
        }

        EntityExchangeResult<String> rejected = asUser("/api/probe/rl/user", user);

        assertThat(status(rejected)).isEqualTo(429);
        assertThat(rejected.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        long retryAfter = Long.parseLong(header(rejected, HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(header(rejected, "RateLimit-Policy")).isEqualTo("\"probe\";q=5;w=60");
        assertThat(header(rejected, "RateLimit")).isEqualTo("\"probe\";r=0;t=" + retryAfter);
        assertThat(rejected.getResponseBody())
                .contains("\"type\":\"urn:marquee:problem:rate-limited\"")
                .contains("\"status\":429")
                .contains("\"detail\":\"Too many requests; retry in " + retryAfter + " second")
                .contains("\"instance\":\"/api/probe/rl/user\"")
                .contains("\"request_id\":");

        assertThat(status(asUser("/api/probe/rl/user", uniqueUser())))
                .as("another user")
                .isEqualTo(200);
    }

    @Test
    void concurrentChecksOfOneBucketTakeItsTokensOneAfterTheOther() throws Exception {
        String key = "user:" + uniqueUser();

        List<Decision> decisions = concurrently(200, i -> limiter.consume("probe", key));

        assertThat(decisions)
                .filteredOn(decision -> decision.outcome() == Outcome.ALLOWED)
                .extracting(Decision::remaining)
                .containsExactlyInAnyOrder(4L, 3L, 2L, 1L, 0L);
        assertThat(decisions)
                .filteredOn(decision -> decision.outcome() == Outcome.REJECTED)
                .hasSize(195)
                .allSatisfy(decision -> assertThat(decision.retryAfterSeconds()).isBetween(1L, 12L));
    }

    @Test
    void concurrentChecksOfDistinctBucketsAreEachAllowed() throws Exception {
        String user = uniqueUser();

        List<Decision> decisions = concurrently(200, i -> limiter.consume("probe", "user:" + user + ":" + i));

        assertThat(decisions).allSatisfy(decision -> {
            assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
            assertThat(decision.remaining()).isEqualTo(4);
            assertThat(decision.secondsToReset()).isEqualTo(12);
        });
    }

    @Test
    void aBucketRefillsAsTimePasses() {
        String user = uniqueUser();
        drain("/api/probe/rl/user", user);
        assertThat(status(asUser("/api/probe/rl/user", user))).isEqualTo(429);

        clock.advance(Duration.ofSeconds(11)); // 5 tokens a minute: one every 12 s
        assertThat(status(asUser("/api/probe/rl/user", user))).isEqualTo(429);

        clock.advance(Duration.ofSeconds(1));
        assertThat(status(asUser("/api/probe/rl/user", user))).isEqualTo(200);
        assertThat(status(asUser("/api/probe/rl/user", user))).isEqualTo(429);

        clock.advance(Duration.ofSeconds(12));
        assertThat(status(asUser("/api/probe/rl/user", user))).isEqualTo(200);
        assertThat(status(asUser("/api/probe/rl/user", user))).isEqualTo(429);

        clock.advance(Duration.ofMinutes(5)); // never beyond the capacity
        drain("/api/probe/rl/user", user);
        assertThat(status(asUser("/api/probe/rl/user", user))).isEqualTo(429);
    }

    @Test
    void theHeadersCountTheSecondsToTheNextTokenAndToAFullBucket() {
        String user = uniqueUser();
        assertThat(header(asUser("/api/probe/rl/user", user), "RateLimit"))
                .as("full in 12 s")
                .isEqualTo("\"probe\";r=4;t=12");
        // the requests take a moment of real time, a second at most
        assertThat(header(asUser("/api/probe/rl/user", user), "RateLimit"))
                .as("full in 24 s")
                .matches("\"probe\";r=3;t=2[34]");
        for (int i = 0; i < 2; i++) {
            asUser("/api/probe/rl/user", user);
        }
        assertThat(header(asUser("/api/probe/rl/user", user), "RateLimit"))
                .as("the last token: the next one in 12 s")
                .matches("\"probe\";r=0;t=1[12]");

        clock.advance(Duration.ofSeconds(5));
        EntityExchangeResult<String> rejected = asUser("/api/probe/rl/user", user);

        assertThat(status(rejected)).isEqualTo(429);
        String retryAfter = header(rejected, HttpHeaders.RETRY_AFTER);
        assertThat(retryAfter).isIn("6", "7");
        assertThat(header(rejected, "RateLimit")).isEqualTo("\"probe\";r=0;t=" + retryAfter);
    }

    @Test
    void aBucketExpiresTenSecondsAfterItWouldBeFullAgain() {
        String user = uniqueUser();
        String key = settings.keyPrefix() + "probe:user:" + user;

        asUser("/api/probe/rl/user", user);
        assertThat(redis.getExpire(key)).as("full in 12 s").isBetween(21L, 22L);

        for (int i = 0; i < 5; i++) { // the last one is rejected, which leaves the bucket as it is
            asUser("/api/probe/rl/user", user);
        }
        assertThat(redis.getExpire(key)).as("full in 60 s").isBetween(69L, 70L);
    }

    @Test
    void aBucketWrittenUnderAnotherConfigurationKeepsItsTokens() {
        String user = uniqueUser();
        String key = settings.keyPrefix() + "probe:user:" + user;
        long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
        redis.opsForHash()
                .putAll(key, Map.of("units", "2", "refilled_at", Long.toString(nowMicros), "units_per_token", "1"));
        redis.expire(key, Duration.ofMinutes(1));

        assertThat(header(asUser("/api/probe/rl/user", user), "RateLimit")).startsWith("\"probe\";r=1;");
        assertThat(status(asUser("/api/probe/rl/user", user))).isEqualTo(200);
        assertThat(status(asUser("/api/probe/rl/user", user))).isEqualTo(429);
    }

    @Test
    void aBucketLastWrittenByAClockFarAheadRefillsFromNow() {
        String user = uniqueUser();
        clock.advance(Duration.ofDays(365 * 100));
        drain("/api/probe/rl/user", user);
        clock.reset();
        assertThat(status(asUser("/api/probe/rl/user", user))).isEqualTo(429);

        clock.advance(Duration.ofSeconds(12));

        assertThat(status(asUser("/api/probe/rl/user", user))).isEqualTo(200);
    }

    @Test
    void bucketsKeepWorkingAfterRedisForgetsTheScript() {
        String user = uniqueUser();
        assertThat(status(asUser("/api/probe/rl/user", user))).isEqualTo(200);

        redis.execute((RedisCallback<Void>) connection -> {
            connection.scriptingCommands().scriptFlush();
            return null;
        });

        EntityExchangeResult<String> afterFlush = asUser("/api/probe/rl/user", user);
        assertThat(status(afterFlush)).isEqualTo(200);
        assertThat(header(afterFlush, "RateLimit")).startsWith("\"probe\";r=3;");
    }

    @Test
    void ipLimitsKeyOnTheClientNamedByATrustedProxy() {
        String client = uniqueAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(status(forwardedFor("/api/probe/rl/ip", client))).isEqualTo(200);
        }

        assertThat(status(forwardedFor("/api/probe/rl/ip", client))).isEqualTo(429);
        assertThat(status(forwardedFor("/api/probe/rl/ip", "203.0.113.9, " + client)))
                .as("entries the client wrote itself are ignored")
                .isEqualTo(429);
        assertThat(status(forwardedFor("/api/probe/rl/ip", uniqueAddress())))
                .as("another client")
                .isEqualTo(200);
    }

    @Test
    void parameterKeysArePerUserAndValue() {
        String user = uniqueUser();
        drain("/api/probe/rl/profiles?profile_id=p1", user);

        assertThat(status(asUser("/api/probe/rl/profiles?profile_id=p1", user))).isEqualTo(429);
        assertThat(status(asUser("/api/probe/rl/profiles?profile_id=p2", user)))
                .as("another value")
                .isEqualTo(200);
        assertThat(status(asUser("/api/probe/rl/profiles?profile_id=p1", uniqueUser())))
                .as("another user, same value")
                .isEqualTo(200);
        assertThat(status(asUser("/api/probe/rl/profiles", user)))
                .as("without the parameter: the user's own bucket")
                .isEqualTo(200);
    }

    @Test
    void parameterKeysUseThePathVariableBeforeAQueryParameter() {
        String user = uniqueUser();
        drain("/api/probe/rl/sessions/s1", user);

        assertThat(status(asUser("/api/probe/rl/sessions/s1", user))).isEqualTo(429);
        assertThat(status(asUser("/api/probe/rl/sessions/s1?id=fresh", user)))
                .as("a query parameter cannot pick a fresh bucket")
                .isEqualTo(429);
        assertThat(status(asUser("/api/probe/rl/sessions/s2", user))).isEqualTo(200);
    }

    @Test
    void anEndpointWithoutAnnotationConsumesTheGeneralLimitAndAnnotatedOnesDoNot() {
        String user = uniqueUser();
        drain("/api/probe/rl/user", user);

        EntityExchangeResult<String> first = asUser("/api/probe/rl/plain", user);
        assertThat(status(first)).isEqualTo(200);
        assertThat(header(first, "RateLimit-Policy")).isEqualTo("\"general\";q=5;w=60");
        assertThat(header(first, "RateLimit")).startsWith("\"general\";r=4;");
        for (int i = 0; i < 4; i++) {
            assertThat(status(asUser("/api/probe/rl/plain", user))).isEqualTo(200);
        }
        EntityExchangeResult<String> rejected = asUser("/api/probe/rl/plain", user);
        assertThat(status(rejected)).isEqualTo(429);
        assertThat(header(rejected, "RateLimit")).startsWith("\"general\";r=0;");
    }

    @Test
    void endpointsOutsideApiAreNotLimited() {
        EntityExchangeResult<String> health = get(http, "/health/live", Map.of());
        assertThat(status(health)).isEqualTo(200);
        assertThat(header(health, "RateLimit")).isNull();
    }

    @Test
    void rejectionsAreCountedPerLimit() {
        String user = uniqueUser();
        drain("/api/probe/rl/user", user);
        asUser("/api/probe/rl/user", user);

        String metrics = get(http, "/metrics", Map.of()).getResponseBody();

        assertThat(metrics).containsPattern("marquee_rate_limit_rejections_total\\{[^}]*limit=\"probe\"[^}]*} [1-9]");
    }

    @Test
    void twoInstancesShareTheBuckets() {
        String user = uniqueUser();
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(
                        MarqueeApplication.class, ProbeEndpoints.class, RateLimitProbe.class)
                .profiles("test")
                // arguments: default properties lose to application.yml and application-test.yml
                .run(
                        "--server.port=0",
                        "--" + PROBE_CAPACITY,
                        "--" + PROBE_REFILL,
                        "--" + GENERAL_CAPACITY,
                        "--" + GENERAL_REFILL,
                        "--" + TRUSTED_LOOPBACK)) {
            RestTestClient other = RestTestClient.bindToServer()
                    .baseUrl("http://localhost:" + second.getEnvironment().getProperty("local.server.port"))
                    .build();
            RestTestClient[] instances = {http, other};

            for (int i = 0; i < 5; i++) {
                EntityExchangeResult<String> ok =
                        get(instances[i % 2], "/api/probe/rl/user", Map.of("X-Probe-User", user));
                assertThat(status(ok)).as("request %d", i + 1).isEqualTo(200);
                assertThat(header(ok, "RateLimit")).startsWith("\"probe\";r=" + (4 - i) + ";");
            }
            assertThat(status(get(other, "/api/probe/rl/user", Map.of("X-Probe-User", user))))
                    .isEqualTo(429);
            assertThat(status(get(http, "/api/probe/rl/user", Map.of("X-Probe-User", user))))
                    .isEqualTo(429);
        }
    }

    @Test
    void anAnnotationNamingAnUnknownLimitStopsTheStart() {
        SpringApplicationBuilder misconfigured = new SpringApplicationBuilder(
                        MarqueeApplication.class, UnknownRateLimitProbe.class)
                .profiles("test")
                .properties("server.port=0");

        assertThatThrownBy(misconfigured::run)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@RateLimited(\"no-such-limit\") on ")
                .hasMessageContaining("names no configured limit; add marquee.rate-limit.limits.no-such-limit");
    }
}
