package io.marquee.platform.security;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;

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
     * The request is observed once, by the HTTP server observation (its timer carries the status, so refused tokens
     * and denied requests show there); Spring Security's own observations of the filter chain, the authentication and
     * the authorization are off: they added three more observations to every request, about a tenth of the CPU of a
     * heartbeat (bench/heartbeats).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Failed authentications are published as events, successful ones are not: with bearer tokens that would be an
     * event per request through the application's event multicaster, and nothing listens to it.
     */
    @Bean
    AuthenticationEventPublisher authenticationEvents(ApplicationEventPublisher events) {
        return new DefaultAuthenticationEventPublisher(events) {
            @Override
            public void publishAuthenticationSuccess(Authentication authentication) {
                // one per request, and nothing listens
            }
        };
    }

    /**
     * The default firewall with its header and parameter-name rule (no ISO control and no unassigned characters)
     * written as a loop instead of a regular expression: the firewall checks a header again on every read, which cost
     * about 5 % of the CPU of a heartbeat (bench/heartbeats).
     */
    @Bean
    WebSecurityCustomizer firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(SecurityConfiguration::assignedAndNotControl);
        firewall.setAllowedHeaderValues(SecurityConfiguration::assignedAndNotControl);
        firewall.setAllowedParameterNames(SecurityConfiguration::assignedAndNotControl);
        return web -> web.httpFirewall(firewall);
    }

    /** What StrictHttpFirewall's default pattern {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} accepts. */
    static boolean assignedAndNotControl(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (Character.isISOControl(codePoint) || !Character.isDefined(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
