package io.marquee.platform.web;

import io.marquee.platform.errors.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS exactly as the contract says: the configured origins only (never a wildcard, credentials allowed), methods
 * GET POST PUT PATCH DELETE OPTIONS, request headers Authorization Content-Type Accept Last-Event-ID. A refused
 * cross-origin request gets a 403 problem. Runs before the security chain so preflights need no token.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration {

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    static final List<String> HEADERS = List.of("Authorization", "Content-Type", "Accept", "Last-Event-ID");
    static final List<String> EXPOSED =
            List.of("X-Request-ID", "Retry-After", "RateLimit", "RateLimit-Policy", "Location");

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(HttpSettings settings, Problems problems) {
        var cors = new org.springframework.web.cors.CorsConfiguration();
        cors.setAllowedOrigins(settings.corsAllowedOrigins());
        cors.setAllowedMethods(METHODS);
        cors.setAllowedHeaders(HEADERS);
        cors.setExposedHeaders(EXPOSED);
        cors.setAllowCredentials(true);
        cors.setMaxAge(Duration.ofHours(1));
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        var filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor(problems));
        var registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(RequestLogFilter.ORDER + 2);
        return registration;
    }

    /** Spring's CORS rules, with a problem+json body instead of the plain-text "Invalid CORS request". */
    private static final class ProblemCorsProcessor extends DefaultCorsProcessor {

        private final Problems problems;

        ProblemCorsProcessor(Problems problems) {
            this.problems = problems;
        }

        @Override
        public boolean processRequest(
                org.springframework.web.cors.CorsConfiguration config,
                HttpServletRequest request,
                HttpServletResponse response)
                throws IOException {
            boolean allowed = super.processRequest(config, request, response);
            if (!allowed) {
                problems.write(request, response, HttpStatus.FORBIDDEN, "cors", "Cross-origin request not allowed");
            }
            return allowed;
        }

        @Override
        protected void rejectRequest(ServerHttpResponse response) {
            // the problem body is written by processRequest, which knows the request
        }
    }
}
