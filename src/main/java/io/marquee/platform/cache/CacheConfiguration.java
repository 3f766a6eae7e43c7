package io.marquee.platform.cache;

import io.lettuce.core.ClientOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.serializer.GenericJacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;

/**
 * Redis-backed caches shared by every instance. Only the caches named in {@code marquee.cache.ttl} exist, each with
 * its own time to live; hit and miss counts are published per cache. A Redis failure is a cache miss (see
 * {@link LenientCacheErrorHandler}), never a failed request.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration implements CachingConfigurer {

    /** Cached values carry their type; only our own types and JDK value types may be read back. */
    private static final PolymorphicTypeValidator CACHEABLE_TYPES = BasicPolymorphicTypeValidator.builder()
            .allowIfSubType("io.marquee.")
            .allowIfSubType("java.util.")
            .allowIfSubType("java.time.")
            .allowIfSubType("java.lang.")
            .allowIfSubType("java.math.")
            .build();

    private final CacheSettings settings;

    CacheConfiguration(CacheSettings settings) {
        this.settings = settings;
    }

    @Bean
    RedisCacheManager cacheManager(RedisConnectionFactory connections) {
        RedisCacheConfiguration defaults = RedisCacheConfiguration.defaultCacheConfig()
                .prefixCacheNameWith(settings.keyPrefix())
                .disableCachingNullValues()
                .serializeValuesWith(SerializationPair.fromSerializer(GenericJacksonJsonRedisSerializer.builder()
                        .enableDefaultTyping(CACHEABLE_TYPES)
                        .build()));
        Map<String, RedisCacheConfiguration> caches = new LinkedHashMap<>();
        settings.ttl().forEach((name, ttl) -> caches.put(name, defaults.entryTtl(ttl)));
        // Writes (puts and evictions) complete before the call returns: Spring Data Redis 4 otherwise sends them
        // asynchronously, so an eviction could overtake an earlier put and leave a stale value for its whole TTL.
        RedisCacheWriter writer = RedisCacheWriter.create(connections, configurer -> configurer.immediateWrites());
        return RedisCacheManager.builder(writer)
                .cacheDefaults(defaults)
                .withInitialCacheConfigurations(caches)
                .disableCreateOnMissingCache()
                .enableStatistics()
                .build();
    }

    /** Commands fail at once while Redis is disconnected instead of queueing until the command timeout. */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhenDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Override
    public CacheErrorHandler errorHandler() {
        return new LenientCacheErrorHandler(settings.errorLogInterval());
    }
}
