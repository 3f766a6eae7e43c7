package io.marquee.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * How a module adds to the one security filter chain (the identity module plugs in bearer-token authentication
 * and its public endpoints). Applied before the platform's own rule that everything under {@code /api} needs an
 * authenticated caller, so a customizer's rules take precedence.
 */
@FunctionalInterface
public interface ApiSecurityCustomizer {

    void customize(HttpSecurity http) throws Exception;
}
