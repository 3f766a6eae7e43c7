package io.marquee.platform.security;

import io.marquee.platform.errors.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** The security layer's 401 and 403, in the same problem+json shape as every other error. */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final Problems problems;

    ProblemSecurityHandlers(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        String detail =
                request.getHeader(HttpHeaders.AUTHORIZATION) == null ? "Not authenticated" : "Invalid or expired token";
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Access denied");
    }
}
