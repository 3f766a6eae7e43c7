package io.marquee.identity;

import java.security.Principal;
import java.util.UUID;

/**
 * The caller of an authenticated request: inject it with {@code @AuthenticationPrincipal AuthenticatedUser user}.
 * Its name, and so {@code Authentication.getName()}, is the user id, which is what per-user rate limits are keyed
 * by.
 */
public record AuthenticatedUser(UUID id) implements Principal {

    @Override
    public String getName() {
        return id.toString();
    }
}
