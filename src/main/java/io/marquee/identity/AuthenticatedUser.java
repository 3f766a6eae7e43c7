package io.marquee.identity;

import java.security.Principal;
import java.util.UUID;

/**
 * The caller of an authenticated request: inject it with {@code @AuthenticationPrincipal AuthenticatedUser user}.
 * Its name, and so {@code Authentication.getName()}, is the user id, which is what per-user rate limits are keyed
 * by.
 *
 * @param id the account
 * @param signInId the sign-in (refresh-token family) the access token belongs to, the {@code sessionId} of
 *     {@link UserSignedOut}; {@code null} when unknown
 */
public record AuthenticatedUser(UUID id, UUID signInId) implements Principal {

    @Override
    public String getName() {
        return id.toString();
    }
}
