package io.marquee.catalog.internal;

import io.marquee.identity.AgeRating;
import io.marquee.identity.ParentalControls;
import java.util.UUID;

/** The parental filter of SPEC §1 / PoC §3.9 as the catalog's SQL binds it. */
final class Parental {

    private Parental() {}

    /** The rating limit of the request: {@code TV-MA} (no filter) without a profile. */
    static AgeRating limitOf(ParentalControls controls, UUID profileId) {
        return profileId == null ? AgeRating.TV_MA : controls.ratingOf(profileId);
    }

    /** The labels to bind as {@code :ratings}, or {@code null} for no filter (which also shows unrated titles). */
    static String[] allowed(AgeRating limit) {
        return limit == null || limit == AgeRating.TV_MA
                ? null
                : limit.allowedLabels().toArray(String[]::new);
    }

    /** Whether a title rated {@code ageRating} (null: unrated) may be shown under {@code limit}. */
    static boolean allows(AgeRating limit, String ageRating) {
        String[] allowed = allowed(limit);
        return allowed == null || (ageRating != null && limit.allowedLabels().contains(ageRating));
    }
}
