package io.marquee.viewing;

import java.time.Instant;
import java.util.UUID;

/**
 * A profile finished a movie or an episode: a heartbeat crossed the completion rule (SPEC §5) on a bookmark that was not
 * completed. Published in the transaction of the heartbeat.
 *
 * @param titleId the movie, or the episode's series
 */
public record BookmarkCompleted(
        UUID profileId, UUID bookmarkId, String contentType, UUID contentId, UUID titleId, Instant at) {}
