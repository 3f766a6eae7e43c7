package io.marquee.catalog;

import java.util.List;
import java.util.UUID;

/**
 * A title as every list shows it (PoC {@code TitleListItem} plus entitlement), for the signed-in user.
 *
 * @param genres genre names, the primary genre first, then by name
 * @param entitled whether the user may play the title now
 * @param hlsManifestUrl the title's stream, only when {@code entitled} (else {@code null})
 */
public record TitleCard(
        UUID id,
        String title,
        String titleType,
        String synopsisShort,
        Integer releaseYear,
        Integer durationMinutes,
        String ageRating,
        String posterUrl,
        String landscapeUrl,
        boolean isFeatured,
        List<String> moodTags,
        List<String> genres,
        boolean entitled,
        String hlsManifestUrl) {}
