package io.marquee.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.servlet.filter.OrderedFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (a sane incoming {@code X-Request-ID}, else a new one), echoes it, binds it with the
 * method and path to the MDC, and writes one access line per request with status and duration. Health checks are
 * not logged; slow requests are logged at WARN. Runs inside the tracing filter so the line carries the trace id.
 */
@Component
class RequestLogFilter extends OncePerRequestFilter implements OrderedFilter {

    static final String HEADER = "X-Request-ID";
    static final int ORDER = REQUEST_WRAPPER_FILTER_MAX_ORDER - 200;
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Logger access = LoggerFactory.getLogger("io.marquee.access");

    private final HttpSettings settings;

    RequestLogFilter(HttpSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String incoming = request.getHeader(HEADER);
        String requestId = incoming != null && SANE_ID.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
        response.setHeader(HEADER, requestId);
        MDC.put(RequestContext.REQUEST_ID, requestId);
        MDC.put("method", request.getMethod());
        MDC.put("path", request.getRequestURI());
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long durationMs = (System.nanoTime() - started) / 1_000_000;
            if (!request.getRequestURI().startsWith("/health")) {
                logAccess(request, response.getStatus(), durationMs);
            }
            MDC.clear();
        }
    }

    private void logAccess(HttpServletRequest request, int status, long durationMs) {
        MDC.put("status", Integer.toString(status));
        MDC.put("duration_ms", Long.toString(durationMs));
        if (durationMs > settings.slowRequestThreshold().toMillis()) {
            access.warn("{} {} {} {}ms (slow)", request.getMethod(), request.getRequestURI(), status, durationMs);
        } else {
            access.info("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), status, durationMs);
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
