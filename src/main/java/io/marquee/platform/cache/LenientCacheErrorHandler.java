package io.marquee.platform.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.interceptor.CacheErrorHandler;

/**
 * Treats every cache failure as a miss: the caller computes the value from the database and the request succeeds.
 * Logs one warning per interval while failures last, so an outage does not flood the logs.
 */
class LenientCacheErrorHandler implements CacheErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(LenientCacheErrorHandler.class);

    private final long intervalNanos;
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - Long.MAX_VALUE / 2);

    LenientCacheErrorHandler(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public void handleCacheGetError(RuntimeException e, Cache cache, Object key) {
        report("read", cache, e);
    }

    @Override
    public void handleCachePutError(RuntimeException e, Cache cache, Object key, Object value) {
        report("write", cache, e);
    }

    @Override
    public void handleCacheEvictError(RuntimeException e, Cache cache, Object key) {
        report("evict", cache, e);
    }

    @Override
    public void handleCacheClearError(RuntimeException e, Cache cache) {
        report("clear", cache, e);
    }

    private void report(String operation, Cache cache, RuntimeException e) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= intervalNanos && lastLogged.compareAndSet(last, now)) {
            log.warn(
                    "Cache {} failed on '{}', serving from the database (next warning in {}s at the earliest): {}",
                    operation,
                    cache.getName(),
                    intervalNanos / 1_000_000_000,
                    e.getMessage());
        }
    }
}
