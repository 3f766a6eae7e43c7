package io.marquee.viewing;

import java.util.List;
import java.util.UUID;

/** A profile's continue-watching list, for the home rails: what {@code GET /viewing/continue-watching} answers. */
public interface ContinueWatching {

    /**
     * The first {@code limit} items of the profile's continue watching, scored for a web client at no particular hour,
     * within its parental rating.
     *
     * @param userId the signed-in user, for the entitlement flag of each title
     */
    List<ViewingItem> top(UUID userId, UUID profileId, int limit);
}
