package io.marquee.platform.events;

import java.util.UUID;

/**
 * An account moved to another subscription tier ({@code basic}, {@code standard}, {@code premium}). Published by
 * identity, which owns the account, and handled by entitlement, which owns what the tier grants; it lives in the
 * shared kernel because entitlement may depend on no other module.
 */
public record SubscriptionTierChanged(UUID userId, String tier) {}
