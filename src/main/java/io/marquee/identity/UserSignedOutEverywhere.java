package io.marquee.identity;

import java.util.UUID;

/** Every sign-in of a user ended (logout-all): open event streams of that user should close. */
public record UserSignedOutEverywhere(UUID userId) {}
