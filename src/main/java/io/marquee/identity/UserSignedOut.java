package io.marquee.identity;

import java.util.UUID;

/** One sign-in (refresh-token family) of a user ended: its device signed out. */
public record UserSignedOut(UUID userId, UUID sessionId) {}
