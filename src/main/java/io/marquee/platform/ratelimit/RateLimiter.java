package io.marquee.platform.ratelimit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.marquee.platform.ThrottledLog;
import io.marquee.platform.ratelimit.RateLimitSettings.Limit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.LoggerFactory;

/**
 * Token buckets in Redis, shared by every instance: one bucket per limit and key at
 * {@code <key-prefix><limit>:<key>}, expiring once it would be full again. Taking a token is a Lua script that
 * refills the bucket for the time passed since the last request, takes a token if there is one and answers what a
 * {@link Decision} needs; the takes of concurrent requests share one script call ({@link CallCombiner}).
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
    /** Lua numbers are doubles: integers beyond this lose precision. */
    private static final long LARGEST_EXACT_LUA_INTEGER = 1L << 53;

    /**
     * Greedy refill of a hash {@code units}, {@code refilled_at}, {@code units_per_token}: a token is
     * {@code units_per_token} units and the bucket gains {@code units_per_micro} units per microsecond, so refilling
     * stays exact integer arithmetic. A bucket written under another configuration of its limit (a rolling
     * deployment) is converted. One whose {@code refilled_at} is ahead of {@code now} (written by an instance whose
     * clock is ahead) refills from {@code now} and is written back with it, so a clock far off never stops a bucket
     * from refilling. A rejection writes nothing otherwise.
     *
     * <p>Takes a token from each of the buckets {@code KEYS} in turn, so a key named twice gives up two tokens in
     * order. ARGV: now (microseconds since the epoch), then per bucket: capacity (tokens), units per token, units per
     * microsecond, expiry slack (milliseconds). Returns per bucket: taken (1 or 0), whole tokens left, microseconds
     * until a token is available (0 when one is) and until the bucket is full.
     */
    private static final String TAKE_TOKENS = """
            local now = tonumber(ARGV[1])
            local answers = {}
            for i, key in ipairs(KEYS) do
              local arg = 1 + (i - 1) * 4
              local capacity = tonumber(ARGV[arg + 1])
              local units_per_token = tonumber(ARGV[arg + 2])
              local units_per_micro = tonumber(ARGV[arg + 3])
              local expiry_slack_ms = tonumber(ARGV[arg + 4])
              local full = capacity * units_per_token

              local bucket = redis.call('HMGET', key, 'units', 'refilled_at', 'units_per_token')
              local units = tonumber(bucket[1]) or full
              local written_at = tonumber(bucket[2]) or now
              local refilled_at = math.min(written_at, now)
              local written_units_per_token = tonumber(bucket[3]) or units_per_token
              if written_units_per_token ~= units_per_token then
                units = math.floor(units / written_units_per_token * units_per_token)
              end
              units = math.min(full, units + (now - refilled_at) * units_per_micro)

              local taken = units >= units_per_token
              if taken then
                units = units - units_per_token
              end
              local micros_to_token = math.ceil(math.max(0, units_per_token - units) / units_per_micro)
              local micros_to_full = math.ceil((full - units) / units_per_micro)
              if taken or written_at > now then
                redis.call('HSET', key, 'units', units, 'refilled_at', now, 'units_per_token', units_per_token)
                redis.call('PEXPIRE', key, math.ceil(micros_to_full / 1000) + expiry_slack_ms)
              end
              table.insert(answers, taken and 1 or 0)
              table.insert(answers, math.floor(units / units_per_token))
              table.insert(answers, micros_to_token)
              table.insert(answers, micros_to_full)
            end
            return answers
            """;

    private static final int ARGS_PER_BUCKET = 4;
    private static final int ANSWERS_PER_BUCKET = 4;
    /** Buckets in one script call at most: Redis runs nothing else meanwhile. */
    private static final int MAX_BATCH = 128;

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

    /** A token to take from the bucket at {@code key}. */
    private record Take(String key, Bucket bucket) {}

    /** A limit in the units of {@link #TAKE_TOKENS}, reduced so that the numbers stay small. */
    private record Bucket(long capacity, long unitsPerToken, long unitsPerMicrosecond) {

        static Bucket of(String name, Limit limit) {
            long periodMicros = limit.refillPeriod().toNanos() / 1000;
            long common = BigInteger.valueOf(periodMicros)
                    .gcd(BigInteger.valueOf(limit.refillTokens()))
                    .longValueExact();
            Bucket bucket = new Bucket(limit.capacity(), periodMicros / common, limit.refillTokens() / common);
            if (bucket.unitsPerToken > LARGEST_EXACT_LUA_INTEGER / bucket.capacity) {
                throw new IllegalStateException("marquee.rate-limit.limits." + name
                        + ": capacity and refill-period are too large to count exactly; shorten the refill-period"
                        + " (and scale refill-tokens along)");
            }
            return bucket;
        }
    }

    private final RateLimitSettings settings;
    private final RedisClient client;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();
    private final Map<String, Counter> rejections = new HashMap<>();
    private final Map<String, Counter> unavailable = new HashMap<>();
    private final ThrottledLog warnings;
    private final CallCombiner<Take, List<Long>> takes = new CallCombiner<>(MAX_BATCH, this::takeTokens);
    private final ReentrantLock connecting = new ReentrantLock();
    private volatile RedisCommands<String, String> redis;
    private volatile String takeTokensDigest;
    private volatile long nextConnectAttempt = System.nanoTime();

    RateLimiter(RateLimitSettings settings, RedisClient client, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.client = client;
        this.clock = clock;
        this.warnings = new ThrottledLog(LoggerFactory.getLogger(RateLimiter.class), settings.errorLogInterval());
        settings.limits().forEach((name, limit) -> {
            buckets.put(name, Bucket.of(name, limit));
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
        List<Long> answer;
        try {
            answer = takes.call(new Take(settings.keyPrefix() + name + ":" + key, buckets.get(name)));
        } catch (RedisException e) {
            return unreachable(name, limit, e);
        }
        boolean taken = answer.get(0) == 1;
        long remaining = answer.get(1);
        long microsToToken = answer.get(2);
        long microsToFull = answer.get(3);
        if (taken) {
            long seconds = seconds(remaining > 0 ? microsToFull : microsToToken);
            return new Decision(name, limit, Outcome.ALLOWED, remaining, seconds, 0);
        }
        rejections.get(name).increment();
        long retryAfter = Math.max(1, seconds(microsToToken));
        return new Decision(name, limit, Outcome.REJECTED, 0, retryAfter, retryAfter);
    }

    /** One script call for the takes of concurrent requests ({@link CallCombiner}): their answers in order. */
    private List<List<Long>> takeTokens(List<Take> batch) {
        RedisCommands<String, String> commands = redis();
        String[] keys = new String[batch.size()];
        String[] args = new String[1 + batch.size() * ARGS_PER_BUCKET];
        args[0] = Long.toString(micros(clock.instant()));
        for (int i = 0; i < batch.size(); i++) {
            Bucket bucket = batch.get(i).bucket();
            int arg = 1 + i * ARGS_PER_BUCKET;
            keys[i] = batch.get(i).key();
            args[arg] = Long.toString(bucket.capacity());
            args[arg + 1] = Long.toString(bucket.unitsPerToken());
            args[arg + 2] = Long.toString(bucket.unitsPerMicrosecond());
            args[arg + 3] = Long.toString(EXPIRY_SLACK.toMillis());
        }
        List<Long> answers;
        try {
            answers = commands.evalsha(takeTokensDigest, ScriptOutputType.MULTI, keys, args);
        } catch (RedisNoScriptException e) { // Redis restarted or its scripts were flushed; EVAL caches it again
            answers = commands.eval(TAKE_TOKENS, ScriptOutputType.MULTI, keys, args);
        }
        List<List<Long>> perTake = new ArrayList<>(batch.size());
        for (int i = 0; i < answers.size(); i += ANSWERS_PER_BUCKET) {
            perTake.add(answers.subList(i, i + ANSWERS_PER_BUCKET));
        }
        return perTake;
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
    private RedisCommands<String, String> redis() {
        RedisCommands<String, String> current = redis;
        if (current != null) {
            return current;
        }
        connecting.lock();
        try {
            if (redis == null) {
                if (System.nanoTime() - nextConnectAttempt < 0) {
                    throw new RedisConnectionException("Not connected to Redis (retrying shortly)");
                }
                RedisCommands<String, String> commands;
                try {
                    commands = client.connect().sync();
                } catch (RuntimeException e) {
                    nextConnectAttempt = System.nanoTime() + RECONNECT_BACKOFF.toNanos();
                    throw e;
                }
                takeTokensDigest = commands.digest(TAKE_TOKENS);
                redis = commands;
            }
            return redis;
        } finally {
            connecting.unlock();
        }
    }

    @Override
    public void close() {
        client.shutdown();
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }

    private static long seconds(long micros) {
        return (micros + 999_999) / 1_000_000;
    }
}
