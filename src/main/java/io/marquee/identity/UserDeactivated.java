package io.marquee.identity;

import java.util.UUID;

/** An admin deactivated a user: all sign-ins are revoked and access tokens stop working within seconds. */
public record UserDeactivated(UUID userId) {}
