package io.marquee.identity.internal;

import io.marquee.identity.AuthenticatedUser;
import io.marquee.platform.security.ApiSecurityCustomizer;
import io.marquee.platform.web.RequestContext;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Plugs identity into the platform's security chain: bearer access tokens, the public auth endpoints, the admin
 * guard, and the {@code @VerifiedProfile} checks.
 */
@Configuration(proxyBeanMethods = false)
class IdentitySecurity {

    @Bean
    ApiSecurityCustomizer identitySecurityRules(
            AccessTokens accessTokens,
            UserStatus userStatus,
            AuthorizationManager<RequestAuthorizationContext> adminGuard,
            AuthenticationEntryPoint entryPoint) {
        return http -> http.oauth2ResourceServer(server -> server.authenticationEntryPoint(entryPoint)
                        .bearerTokenResolver(new BearerTokens())
                        .jwt(jwt -> jwt.decoder(accessTokens.decoder())
                                .jwtAuthenticationConverter(token -> authenticate(token, userStatus))))
                .authorizeHttpRequests(rules -> rules.requestMatchers(
                                HttpMethod.POST, "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh")
                        .permitAll()
                        .requestMatchers("/api/v1/admin/**")
                        .access(adminGuard));
    }

    /**
     * Admin routes: the role is read from the database on every admin request (plan 2.4), never from a token. An
     * anonymous caller is denied here and answered 401 by the entry point; a signed-in non-admin gets 403.
     */
    @Bean
    AuthorizationManager<RequestAuthorizationContext> adminGuard(Users users) {
        return (authentication, request) -> new AuthorizationDecision(authentication.get() instanceof SignedIn signedIn
                && users.isActiveAdmin(signedIn.user().id()));
    }

    @Bean
    WebMvcConfigurer verifiedProfileInterceptor(VerifiedProfileChecks checks) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(checks).addPathPatterns("/api/**");
            }
        };
    }

    private static SignedIn authenticate(Jwt token, UserStatus userStatus) {
        UUID userId = UUID.fromString(token.getSubject());
        if (!userStatus.isActive(userId)) {
            throw new DisabledException("account inactive");
        }
        RequestContext.bindUser(userId);
        return new SignedIn(new AuthenticatedUser(userId, signInOf(token)), token);
    }

    private static UUID signInOf(Jwt token) {
        try {
            String signIn = token.getClaimAsString(AccessTokens.SIGN_IN_CLAIM);
            return signIn == null ? null : UUID.fromString(signIn);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A request authenticated by an access token; {@link #getName()} is the user id. */
    static final class SignedIn extends AbstractAuthenticationToken {

        private final AuthenticatedUser user;
        private final Jwt token;

        SignedIn(AuthenticatedUser user, Jwt token) {
            super(List.of());
            this.user = user;
            this.token = token;
            setAuthenticated(true);
        }

        AuthenticatedUser user() {
            return user;
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return user;
        }

        @Override
        public String getName() {
            return user.id().toString();
        }
    }
}
