package io.marquee.platform.ratelimit;

import io.marquee.platform.errors.Problems;
import io.marquee.platform.ratelimit.RateLimited.Per;
import io.marquee.platform.ratelimit.RateLimiter.Decision;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Applies the limit of each {@code /api} handler before it runs: its {@link RateLimited} limit, or {@code general}
 * per user (per client IP when anonymous). Bucket keys are {@code user:<name>}, {@code ip:<address>} or, for
 * {@link Per#PARAMETER}, the caller's key followed by {@code :<value>}. Every checked response carries the
 * {@code RateLimit-Policy} and {@code RateLimit} headers (draft-ietf-httpapi-ratelimit-headers, structured fields).
 *
 * <p>Every handler method is checked once at start-up, so an annotation naming an unknown limit stops the
 * application instead of failing requests.
 */
final class RateLimitInterceptor implements HandlerInterceptor, SmartInitializingSingleton {

    static final String POLICY = "RateLimit-Policy";
    static final String STATE = "RateLimit";
    /** Longer values cannot be real ids; capping them bounds the size of a bucket key. */
    private static final int MAX_PARAMETER_LENGTH = 128;

    private record Rule(String limit, Per per, String parameter) {}

    private final RateLimitSettings settings;
    private final RateLimiter limiter;
    private final ClientAddress clientAddress;
    private final Problems problems;
    private final ApplicationContext context;
    private final Map<Method, Rule> rules = new ConcurrentHashMap<>();

    RateLimitInterceptor(
            RateLimitSettings settings,
            RateLimiter limiter,
            ClientAddress clientAddress,
            Problems problems,
            ApplicationContext context) {
        this.settings = settings;
        this.limiter = limiter;
        this.clientAddress = clientAddress;
        this.problems = problems;
        this.context = context;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!settings.enabled()) {
            return;
        }
        if (!settings.limits().containsKey(RateLimitSettings.GENERAL)) {
            throw new IllegalStateException("marquee.rate-limit.limits." + RateLimitSettings.GENERAL
                    + " is not configured; every /api endpoint without @RateLimited consumes it");
        }
        context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()
                .forEach(mapping -> mapping.getHandlerMethods().values().forEach(this::rule));
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!settings.enabled()
                || request.getDispatcherType() != DispatcherType.REQUEST
                || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        Rule rule = rule(method);
        Decision decision = limiter.consume(rule.limit(), key(rule, request));
        return switch (decision.outcome()) {
            case ALLOWED -> {
                writeHeaders(decision, response);
                yield true;
            }
            case REJECTED -> {
                writeHeaders(decision, response);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
                problems.write(
                        request,
                        response,
                        HttpStatus.TOO_MANY_REQUESTS,
                        "rate-limited",
                        "Too many requests; retry in " + decision.retryAfterSeconds() + " "
                                + (decision.retryAfterSeconds() == 1 ? "second" : "seconds"));
                yield false;
            }
            case UNAVAILABLE -> {
                response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                problems.write(
                        request,
                        response,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "unavailable",
                        "The service is temporarily unavailable, please retry shortly");
                yield false;
            }
            case UNCHECKED -> true;
        };
    }

    private Rule rule(HandlerMethod handler) {
        return rules.computeIfAbsent(handler.getMethod(), method -> {
            RateLimited annotation = handler.getMethodAnnotation(RateLimited.class);
            if (annotation == null) {
                return new Rule(RateLimitSettings.GENERAL, Per.USER, "");
            }
            String where = "@RateLimited(\"" + annotation.value() + "\") on " + handler.getShortLogMessage();
            if (!settings.limits().containsKey(annotation.value())) {
                throw new IllegalStateException(where + " names no configured limit; add marquee.rate-limit.limits."
                        + annotation.value() + " (configured: "
                        + new TreeSet<>(settings.limits().keySet()) + ")");
            }
            if ((annotation.per() == Per.PARAMETER) == annotation.parameter().isBlank()) {
                throw new IllegalStateException(where + ": parameter must be set exactly when per = PARAMETER");
            }
            return new Rule(annotation.value(), annotation.per(), annotation.parameter());
        });
    }

    private String key(Rule rule, HttpServletRequest request) {
        return switch (rule.per()) {
            case IP -> ip(request);
            case USER -> caller(request);
            case PARAMETER -> {
                String value = parameter(request, rule.parameter());
                yield value == null ? caller(request) : caller(request) + ":" + value;
            }
        };
    }

    private String caller(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return ip(request);
        }
        return "user:" + authentication.getName();
    }

    private String ip(HttpServletRequest request) {
        return "ip:" + clientAddress.resolve(request);
    }

    /** The path variable first: a query parameter of the same name must not let a caller pick a fresh bucket. */
    private static String parameter(HttpServletRequest request, String name) {
        String value = null;
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.get(name) instanceof String variable) {
            value = variable;
        }
        if (value == null) {
            value = request.getParameter(name);
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.length() > MAX_PARAMETER_LENGTH ? value.substring(0, MAX_PARAMETER_LENGTH) : value;
    }

    private static void writeHeaders(Decision decision, HttpServletResponse response) {
        response.setHeader(
                POLICY,
                "\"" + decision.name() + "\";q=" + decision.limit().capacity() + ";w="
                        + decision.limit().windowSeconds());
        response.setHeader(
                STATE, "\"" + decision.name() + "\";r=" + decision.remaining() + ";t=" + decision.secondsToReset());
    }
}
