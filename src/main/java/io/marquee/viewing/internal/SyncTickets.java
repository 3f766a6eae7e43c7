package io.marquee.viewing.internal;

import io.marquee.identity.AuthenticatedUser;
import io.marquee.platform.security.ApiSecurityCustomizer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Single-use tickets for event streams: browsers' {@code EventSource} cannot send an {@code Authorization} header,
 * and an access token must never travel in a URL. A ticket is 128 random bits kept in Redis for
 * {@code ticket-ttl} and deleted by the first request that presents it.
 */
@Configuration(proxyBeanMethods = false)
class SyncTickets {

    static final String PROFILE_ATTRIBUTE = SyncTickets.class.getName() + ".profile";
    private static final String EVENTS_PATH = "/api/v1/viewing/events";

    private final StringRedisTemplate redis;
    private final SyncSettings settings;
    private final SecureRandom random = new SecureRandom();

    SyncTickets(StringRedisTemplate redis, SyncSettings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    String issue(UUID userId, UUID profileId) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        redis.opsForValue().set(key(ticket), userId + " " + profileId, settings.ticketTtl());
        return ticket;
    }

    /** Authenticates a stream request that carries a valid ticket and no Authorization header. */
    @Bean
    ApiSecurityCustomizer eventStreamTickets() {
        return http -> http.addFilterBefore(
                new OncePerRequestFilter() {
                    @Override
                    protected boolean shouldNotFilter(HttpServletRequest request) {
                        return !EVENTS_PATH.equals(request.getRequestURI())
                                || request.getParameter("ticket") == null
                                || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
                    }

                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        String owner = redis.opsForValue().getAndDelete(key(request.getParameter("ticket")));
                        if (owner != null) {
                            String[] ids = owner.split(" ");
                            SecurityContextHolder.getContext()
                                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                            new AuthenticatedUser(UUID.fromString(ids[0])), null, List.of()));
                            request.setAttribute(PROFILE_ATTRIBUTE, UUID.fromString(ids[1]));
                        }
                        chain.doFilter(request, response);
                    }
                },
                AnonymousAuthenticationFilter.class);
    }

    @Bean
    RedisMessageListenerContainer viewingSyncListener(RedisConnectionFactory connections, ProfileSync sync) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.addMessageListener(sync, new ChannelTopic(sync.channel()));
        return container;
    }

    private String key(String ticket) {
        return settings.keyPrefix() + "ticket:" + ticket;
    }
}
