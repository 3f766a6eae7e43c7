package io.marquee.identity.internal;

import io.marquee.identity.AgeRating;
import io.marquee.platform.errors.ConflictException;
import io.marquee.platform.errors.InvalidInputException;
import io.marquee.platform.errors.NotFoundException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The profiles of an account. Ownership of a given profile id is checked before these methods run
 * ({@code @VerifiedProfile}); creating and deleting lock the account row so that the limits hold under concurrency.
 * Kids rule (SPEC §1): a kids profile defaults to TV-PG and may hold only TV-Y, TV-G or TV-PG.
 */
@Service
class ProfileManagement {

    /** Fields a caller may set; {@code null} means "not given". An empty avatar URL clears it on update. */
    record ProfileFields(String name, String avatarUrl, String parentalRating, Boolean isKids) {}

    private final Profiles profiles;
    private final Users users;
    private final ProfileOwnership ownership;
    private final IdentitySettings settings;

    ProfileManagement(Profiles profiles, Users users, ProfileOwnership ownership, IdentitySettings settings) {
        this.profiles = profiles;
        this.users = users;
        this.ownership = ownership;
        this.settings = settings;
    }

    List<Profiles.Profile> list(UUID userId) {
        return profiles.ofUser(userId);
    }

    Profiles.Profile get(UUID profileId) {
        return profiles.find(profileId).orElseThrow(() -> new NotFoundException("Profile not found"));
    }

    @Transactional
    Profiles.Profile create(UUID userId, ProfileFields fields) {
        boolean kids = Boolean.TRUE.equals(fields.isKids());
        AgeRating rating = fields.parentalRating() == null
                ? (kids ? AgeRating.KIDS_MAXIMUM : AgeRating.TV_MA)
                : parse(fields.parentalRating());
        requireKidsRule(kids, rating);
        users.lock(userId).orElseThrow(() -> new NotFoundException("User not found"));
        if (profiles.countOfUser(userId) >= settings.maxProfiles()) {
            throw new ConflictException("An account can have at most " + settings.maxProfiles() + " profiles");
        }
        return profiles.insert(userId, fields.name().strip(), blankToNull(fields.avatarUrl()), rating.label(), kids);
    }

    @Transactional
    Profiles.Profile update(UUID profileId, ProfileFields fields) {
        Profiles.Profile current = get(profileId);
        boolean kids = fields.isKids() == null ? current.isKids() : fields.isKids();
        AgeRating rating =
                fields.parentalRating() == null ? parse(current.parentalRating()) : parse(fields.parentalRating());
        requireKidsRule(kids, rating);
        return profiles.update(new Profiles.Profile(
                profileId,
                current.userId(),
                fields.name() == null ? current.name() : fields.name().strip(),
                fields.avatarUrl() == null ? current.avatarUrl() : blankToNull(fields.avatarUrl()),
                rating.label(),
                kids));
    }

    @Transactional
    void delete(UUID userId, UUID profileId) {
        users.lock(userId).orElseThrow(() -> new NotFoundException("User not found"));
        if (profiles.countOfUser(userId) <= 1) {
            throw new ConflictException("An account keeps at least one profile");
        }
        profiles.delete(profileId);
        ownership.forget(profileId);
    }

    private static AgeRating parse(String label) {
        return AgeRating.parse(label).orElseThrow(() -> new InvalidInputException("parental_rating", AgeRating.ONE_OF));
    }

    private static void requireKidsRule(boolean kids, AgeRating rating) {
        if (kids && rating.compareTo(AgeRating.KIDS_MAXIMUM) > 0) {
            throw new InvalidInputException("parental_rating", "a kids profile may only hold TV-Y, TV-G or TV-PG");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
