package io.marquee.platform.ratelimit;

import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.marquee.platform.ThrottledLog;
import io.marquee.platform.ratelimit.RateLimitSettings.Limit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.LoggerFactory;

/**
 * Token buckets in Redis, shared by every instance: one bucket per limit and key at
 * {@code <key-prefix><limit>:<key>}, expiring once it would be full again.
 *
 * <p>The one place that decides what happens when Redis cannot be reached: a limit with {@code fail-closed} turns
 * the request away (503, so a brute-force attempt cannot slip through during an outage); every other limit lets it
 * through unchecked, so an outage of Redis never takes the API down. Either way the check fails fast: commands are
 * rejected while disconnected and time out after the Redis command timeout.
 */
final class RateLimiter implements AutoCloseable {

    /** Keeps an idle bucket this long after it would be full, so Redis never stores a key without expiry. */
    private static final Duration EXPIRY_SLACK = Duration.ofSeconds(10);
    /** After a failed connection attempt, checks fail at once for this long instead of queueing on a new attempt. */
    private static final Duration RECONNECT_BACKOFF = Duration.ofSeconds(1);

    enum Outcome {
        /** A token was taken. */
        ALLOWED,
        /** The bucket is empty: 429. */
        REJECTED,
        /** Redis is unreachable and the limit fails closed: 503. */
        UNAVAILABLE,
        /** Redis is unreachable and the limit fails open: the request proceeds unchecked. */
        UNCHECKED
    }

    /**
     * What to do with one request.
     *
     * @param remaining tokens left after this request
     * @param secondsToReset seconds until a token is available when none is left, otherwise until the bucket is full
     * @param retryAfterSeconds for a rejection, seconds until a token is available (at least 1)
     */
    record Decision(
            String name, Limit limit, Outcome outcome, long remaining, long secondsToReset, long retryAfterSeconds) {}

    private final RateLimitSettings settings;
    private final RedisClient client;
    private final Duration timeout;
    private final TimeMeter clock;
    private final Map<String, BucketConfiguration> configurations = new HashMap<>();
    private final Map<String, Counter> rejections = new HashMap<>();
    private final Map<String, Counter> unavailable = new HashMap<>();
    private final ThrottledLog warnings;
    private final ReentrantLock connecting = new ReentrantLock();
    private volatile ProxyManager<byte[]> buckets;
    private volatile long nextConnectAttempt = System.nanoTime();

    RateLimiter(RateLimitSettings settings, RedisClient client, Duration timeout, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.client = client;
        this.timeout = timeout;
        this.clock = new ClockTimeMeter(clock);
        this.warnings = new ThrottledLog(LoggerFactory.getLogger(RateLimiter.class), settings.errorLogInterval());
        settings.limits().forEach((name, limit) -> {
            configurations.put(
                    name,
                    BucketConfiguration.builder()
                            .addLimit(BandwidthBuilder.builder()
                                    .capacity(limit.capacity())
                                    .refillGreedy(limit.refillTokens(), limit.refillPeriod())
                                    .build())
                            .build());
            rejections.put(
                    name,
                    Counter.builder("marquee.rate_limit.rejections")
                            .description("Requests answered 429 because their rate limit was exhausted")
                            .tag("limit", name)
                            .register(meters));
            unavailable.put(
                    name,
                    Counter.builder("marquee.rate_limit.unavailable")
                            .description("Requests whose rate limit could not be checked because Redis failed")
                            .tag("limit", name)
                            .tag("outcome", limit.failClosed() ? "rejected" : "allowed")
                            .register(meters));
        });
    }

    /** Takes one token from the bucket of {@code key} under the limit {@code name}. */
    Decision consume(String name, String key) {
        Limit limit = settings.limits().get(name);
        if (limit == null) {
            throw new IllegalStateException("No rate limit named '" + name + "' in marquee.rate-limit.limits");
        }
        byte[] redisKey = (settings.keyPrefix() + name + ":" + key).getBytes(StandardCharsets.UTF_8);
        ConsumptionProbe probe;
        try {
            probe = buckets()
                    .builder()
                    .build(redisKey, () -> configurations.get(name))
                    .tryConsumeAndReturnRemaining(1);
        } catch (RedisException | io.github.bucket4j.TimeoutException e) {
            return unreachable(name, limit, e);
        }
        if (probe.isConsumed()) {
            long remaining = probe.getRemainingTokens();
            long seconds = remaining > 0
                    ? seconds(probe.getNanosToWaitForReset())
                    : seconds(nanosToNextToken(limit, probe.getNanosToWaitForReset()));
            return new Decision(name, limit, Outcome.ALLOWED, remaining, seconds, 0);
        }
        rejections.get(name).increment();
        long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        return new Decision(name, limit, Outcome.REJECTED, 0, retryAfter, retryAfter);
    }

    private Decision unreachable(String name, Limit limit, RuntimeException e) {
        unavailable.get(name).increment();
        warnings.warn(
                "Rate limits cannot be checked, Redis failed ({}): fail-closed limits answer 503, the others let"
                        + " requests through unchecked (next warning in {}s at the earliest)",
                e.getMessage(),
                warnings.intervalSeconds());
        return new Decision(name, limit, limit.failClosed() ? Outcome.UNAVAILABLE : Outcome.UNCHECKED, 0, 0, 0);
    }

    /**
     * Connects on first use rather than at start-up, so that the application starts (and fails open) without Redis.
     * Once connected, Lettuce reconnects by itself.
     */
    private ProxyManager<byte[]> buckets() {
        ProxyManager<byte[]> current = buckets;
        if (current != null) {
            return current;
        }
        connecting.lock();
        try {
            if (buckets == null) {
                if (System.nanoTime() - nextConnectAttempt < 0) {
                    throw new RedisConnectionException("Not connected to Redis (retrying shortly)");
                }
                StatefulRedisConnection<byte[], byte[]> connection;
                try {
                    connection = client.connect(ByteArrayCodec.INSTANCE);
                } catch (RuntimeException e) {
                    nextConnectAttempt = System.nanoTime() + RECONNECT_BACKOFF.toNanos();
                    throw e;
                }
                buckets = Bucket4jLettuce.casBasedBuilder(connection)
                        .clientClock(clock)
                        .requestTimeout(timeout)
                        .expirationAfterWrite(
                                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(EXPIRY_SLACK))
                        .build();
            }
            return buckets;
        } finally {
            connecting.unlock();
        }
    }

    @Override
    public void close() {
        client.shutdown();
    }

    /** With no token left, when the next one arrives: the refill time of all but one token before the bucket is full. */
    private static long nanosToNextToken(Limit limit, long nanosToFull) {
        double nanosPerToken = (double) limit.refillPeriod().toNanos() / limit.refillTokens();
        return Math.max(0, nanosToFull - (long) (nanosPerToken * (limit.capacity() - 1)));
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999) / 1_000_000_000;
    }

    /** Bucket time from the application clock, which tests move instead of sleeping. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000 + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
