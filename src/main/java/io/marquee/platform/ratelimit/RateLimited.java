package io.marquee.platform.ratelimit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts an {@code /api} endpoint under a named limit of {@code marquee.rate-limit.limits} instead of the
 * {@code general} limit that every other {@code /api} endpoint consumes. Each request takes one token from the
 * bucket of its key; when the bucket is empty the answer is 429 with {@code Retry-After}. A name that is not
 * configured stops the application at start-up.
 *
 * <pre>{@code
 * @RateLimited(value = "heartbeat", per = Per.PARAMETER, parameter = "profile_id")
 * @PutMapping("/api/v1/bookmarks")
 * BookmarkView heartbeat(@RequestParam("profile_id") UUID profileId, ...)
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RateLimited {

    /** Name of a limit in {@code marquee.rate-limit.limits}, e.g. {@code "auth"}, {@code "search"}. */
    String value();

    /** Whose bucket a request draws from. */
    Per per() default Per.USER;

    /** For {@link Per#PARAMETER} only: the path variable or query parameter (path variable first) to key on. */
    String parameter() default "";

    enum Per {
        /**
         * The client's IP address, for endpoints without a caller (sign-in, registration). {@code X-Forwarded-For} is
         * honoured only from the addresses in {@code marquee.rate-limit.trusted-proxies}.
         */
        IP,
        /** The authenticated user ({@code Authentication.getName()}); the client IP for anonymous callers. */
        USER,
        /**
         * The authenticated user and the value of {@link RateLimited#parameter()}, e.g. one bucket per profile or
         * playback session; callers can drain only their own buckets. Without the parameter: as {@link #USER}.
         */
        PARAMETER
    }
}
