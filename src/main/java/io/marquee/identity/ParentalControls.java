package io.marquee.identity;

import java.util.UUID;

/**
 * The parental rating of a profile, for the modules that filter content by it (SPEC §1). Ask only about a profile
 * that {@link VerifiedProfile} has already checked.
 */
public interface ParentalControls {

    /**
     * The most permissive age rating the profile may watch ({@link AgeRating#TV_MA} means unrestricted); titles
     * rated above it, or not rated at all, are hidden from a restricted profile.
     */
    AgeRating ratingOf(UUID profileId);
}
