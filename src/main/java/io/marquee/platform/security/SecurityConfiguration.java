package io.marquee.platform.security;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * One stateless filter chain: no sessions, cookies, CSRF tokens or login pages; bearer tokens only. Everything under
 * {@code /api} requires authentication unless a module's {@link ApiSecurityCustomizer} opens it; health, docs and
 * metrics live outside {@code /api} and are public. CORS is handled before this chain by {@code CorsFilter}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http, List<ApiSecurityCustomizer> customizers, ProblemSecurityHandlers problems)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .cors(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // the dispatch that completes a streamed response (SSE) belongs to a request already authorised
                .authorizeHttpRequests(
                        a -> a.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll());
        for (ApiSecurityCustomizer customizer : customizers) {
            customizer.customize(http);
        }
        http.authorizeHttpRequests(
                a -> a.requestMatchers("/api/**").authenticated().anyRequest().permitAll());
        return http.build();
    }

    /**
     * Authentications and authorizations stay observed (timers, spans); the filter chain is not: observing it wraps
     * each of its filters in observations of their own on every request (about a tenth of the CPU of a heartbeat,
     * measured with bench/heartbeats), while the request itself is observed by the HTTP server observation.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults()
                .shouldObserveRequests(false)
                .build();
    }
}
