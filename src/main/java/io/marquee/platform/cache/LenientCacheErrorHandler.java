package io.marquee.platform.cache;

import io.marquee.platform.ThrottledLog;
import java.time.Duration;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.interceptor.CacheErrorHandler;

/**
 * Treats every cache failure as a miss: the caller computes the value from the database and the request succeeds.
 * Logs one warning per interval while failures last, so an outage does not flood the logs.
 */
class LenientCacheErrorHandler implements CacheErrorHandler {

    private final ThrottledLog warnings;

    LenientCacheErrorHandler(Duration interval) {
        this.warnings = new ThrottledLog(LoggerFactory.getLogger(LenientCacheErrorHandler.class), interval);
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
        warnings.warn(
                "Cache {} failed on '{}', serving from the database (next warning in {}s at the earliest): {}",
                operation,
                cache.getName(),
                warnings.intervalSeconds(),
                e.getMessage());
    }
}
