package io.marquee.identity;

import java.util.UUID;

/**
 * Creates accounts and profiles outside the sign-up flow (demo data, operations tooling). Every call is idempotent:
 * an existing account (by email) or profile (by account and name) is brought to the given state, not duplicated.
 */
public interface AccountProvisioning {

    /** The account's id; its password, tier and admin flag are set to the given values. */
    UUID ensureAccount(String email, String password, String subscriptionTier, boolean admin);

    /** The profile's id; its rating, kids flag and avatar are set to the given values. */
    UUID ensureProfile(UUID userId, String name, AgeRating parentalRating, boolean kids, String avatarUrl);
}
