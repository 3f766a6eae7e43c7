package io.marquee.platform.cache;

import io.marquee.platform.tx.AfterCommit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * Evicts cache entries when the current transaction commits (at once outside a transaction): use it after a write
 * instead of {@code @CacheEvict}, which evicts before the commit and so lets a concurrent read cache the old data
 * again until the TTL ends. A failed eviction (Redis down) is logged; the entry expires within its TTL.
 */
@Component
public class CacheEviction {

    private static final Logger log = LoggerFactory.getLogger(CacheEviction.class);

    private final CacheManager caches;

    CacheEviction(CacheManager caches) {
        this.caches = caches;
    }

    public void evict(String cacheName, Object key) {
        afterCommit(cacheName, cache -> cache.evictIfPresent(key));
    }

    public void clear(String cacheName) {
        afterCommit(cacheName, Cache::invalidate);
    }

    private void afterCommit(String cacheName, Consumer<Cache> eviction) {
        Runnable evict = () -> {
            try {
                eviction.accept(caches.getCache(cacheName));
            } catch (RuntimeException e) {
                log.warn(
                        "Could not evict from cache '{}', entries expire within the TTL: {}",
                        cacheName,
                        e.getMessage());
            }
        };
        AfterCommit.run(evict);
    }
}
