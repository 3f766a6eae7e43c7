package io.marquee.platform.ratelimit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.marquee.platform.errors.Problems;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Rate limiting of {@code /api}: the limits come from {@link RateLimitSettings}, endpoints choose theirs with
 * {@link RateLimited}. The buckets live in the Redis of {@code spring.data.redis.url}, reached through a Lettuce
 * client of their own whose commands fail at once while disconnected and otherwise time out after
 * {@code spring.data.redis.timeout}, so a Redis outage never holds a request.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

    @Bean
    RateLimiter rateLimiter(
            RateLimitSettings settings,
            DataRedisProperties redis,
            ClientResources resources,
            Clock clock,
            MeterRegistry meters) {
        Duration timeout = redis.getTimeout() != null ? redis.getTimeout() : DEFAULT_TIMEOUT;
        Duration connectTimeout = redis.getConnectTimeout() != null ? redis.getConnectTimeout() : DEFAULT_TIMEOUT;
        String url = redis.getUrl() != null ? redis.getUrl() : "redis://" + redis.getHost() + ":" + redis.getPort();
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(timeout);
        RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(
                        SocketOptions.builder().connectTimeout(connectTimeout).build())
                .build());
        return new RateLimiter(settings, client, clock, meters);
    }

    @Bean
    ClientAddress clientAddress(RateLimitSettings settings) {
        return new ClientAddress(settings.trustedProxies());
    }

    @Bean
    RateLimitInterceptor rateLimitInterceptor(
            RateLimitSettings settings,
            RateLimiter limiter,
            ClientAddress clientAddress,
            Problems problems,
            ApplicationContext context) {
        return new RateLimitInterceptor(settings, limiter, clientAddress, problems, context);
    }

    @Bean
    WebMvcConfigurer rateLimitedApi(RateLimitInterceptor interceptor) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                // before every module's interceptor, so that rejected floods cost no database work
                registry.addInterceptor(interceptor).addPathPatterns("/api/**").order(Ordered.HIGHEST_PRECEDENCE);
            }
        };
    }
}
