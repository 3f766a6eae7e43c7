package io.marquee.identity;

import java.util.UUID;

/**
 * The caller of an authenticated request: inject it with {@code @AuthenticationPrincipal AuthenticatedUser user}.
 * Its {@code Authentication.getName()} is the user id, which is also what per-user rate limits are keyed by.
 */
public record AuthenticatedUser(UUID id) {}
