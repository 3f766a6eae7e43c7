package io.marquee.platform.cache;

import io.marquee.platform.tx.AfterCommit;
import java.util.Collection;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.data.redis.cache.RedisCache;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.util.ByteUtils;
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
    private final RedisConnectionFactory redis;

    CacheEviction(CacheManager caches, RedisConnectionFactory redis) {
        this.caches = caches;
        this.redis = redis;
    }

    public void evict(String cacheName, Object key) {
        afterCommit(cacheName, cache -> cache.evictIfPresent(key));
    }

    /** As {@link #evict} for each key, in one Redis command. */
    public void evictAll(String cacheName, Collection<?> keys) {
        if (!keys.isEmpty()) {
            afterCommit(cacheName, cache -> {
                if (cache instanceof RedisCache redisCache) {
                    deleteAll(redisCache, keys);
                } else {
                    keys.forEach(cache::evictIfPresent);
                }
            });
        }
    }

    /** The entries' keys as {@link RedisCache} makes them (prefix, then the key converted to a string), in one DEL. */
    private void deleteAll(RedisCache cache, Collection<?> keys) {
        RedisCacheConfiguration configuration = cache.getCacheConfiguration();
        String prefix = configuration.usePrefix() ? configuration.getKeyPrefixFor(cache.getName()) : "";
        byte[][] redisKeys = keys.stream()
                .map(key -> prefix + configuration.getConversionService().convert(key, String.class))
                .map(key -> ByteUtils.getBytes(
                        configuration.getKeySerializationPair().write(key)))
                .toArray(byte[][]::new);
        try (RedisConnection connection = redis.getConnection()) {
            connection.keyCommands().del(redisKeys);
        }
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
