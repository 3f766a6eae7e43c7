package io.marquee.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.util.StringUtils;

/**
 * Spring Security's default resolver (the {@code Authorization} header only, RFC 6750 §2.1) with its pattern
 * {@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$} (case-insensitive) checked by a loop: the regular expression cost
 * about 2 % of the CPU of a heartbeat (bench/heartbeats). Same answers, same errors (see BearerTokensTest).
 */
final class BearerTokens implements BearerTokenResolver {

    private static final String SCHEME = "bearer";

    @Override
    public String resolve(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (!StringUtils.startsWithIgnoreCase(authorization, SCHEME)) {
            return null;
        }
        if (!wellFormed(authorization)) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return authorization.substring(SCHEME.length() + 1);
    }

    private static boolean wellFormed(String authorization) {
        int length = authorization.length();
        if (length < SCHEME.length() + 2 || authorization.charAt(SCHEME.length()) != ' ') {
            return false;
        }
        for (int i = 0; i < SCHEME.length(); i++) {
            // the pattern ignores ASCII case only: of all chars, only a letter's two cases give its lower case with
            // 0x20
            if ((authorization.charAt(i) | 0x20) != SCHEME.charAt(i)) {
                return false;
            }
        }
        int i = SCHEME.length() + 1;
        while (i < length && tokenChar(authorization.charAt(i))) {
            i++;
        }
        if (i == SCHEME.length() + 1) {
            return false;
        }
        while (i < length && authorization.charAt(i) == '=') {
            i++;
        }
        return i == length;
    }

    private static boolean tokenChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }
}
