package io.marquee.entitlement;

import java.util.UUID;

/** A package that would let the caller play something they may not play now. */
public record AccessOption(UUID packageId, String name, String tier, int priceCents, String currency, int maxStreams) {}
