package io.marquee.identity.internal;

import io.marquee.identity.AgeRating;
import io.marquee.identity.ParentalControls;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
class ProfileParentalControls implements ParentalControls {

    private final Profiles profiles;

    ProfileParentalControls(Profiles profiles) {
        this.profiles = profiles;
    }

    /** An unknown profile is treated as the most restricted, so a race with a deletion never widens access. */
    @Override
    public AgeRating ratingOf(UUID profileId) {
        return profiles.find(profileId)
                .flatMap(profile -> AgeRating.parse(profile.parentalRating()))
                .orElse(AgeRating.TV_Y);
    }
}
