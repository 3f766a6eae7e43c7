package io.marquee.platform.web;

import java.util.UUID;
import org.slf4j.MDC;

/**
 * What the current request is about, bound to every log line of it (MDC) and to its access-log line. The request
 * id is bound by the platform; the identity module binds the user and profile once it has verified them.
 */
public final class RequestContext {

    public static final String REQUEST_ID = "request_id";
    public static final String USER_ID = "user_id";
    public static final String PROFILE_ID = "profile_id";

    private RequestContext() {}

    /** The id of the request being served on this thread, or {@code null} outside a request. */
    public static String requestId() {
        return MDC.get(REQUEST_ID);
    }

    public static void bindUser(UUID userId) {
        MDC.put(USER_ID, userId.toString());
    }

    public static void bindProfile(UUID profileId) {
        MDC.put(PROFILE_ID, profileId.toString());
    }
}
