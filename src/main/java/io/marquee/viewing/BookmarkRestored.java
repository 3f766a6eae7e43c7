package io.marquee.viewing;

import java.time.Instant;
import java.util.UUID;

/**
 * A dismissed or stale bookmark is back in continue watching: restored explicitly, or (when it was dismissed) by a
 * newer heartbeat. Published in the write's transaction.
 */
public record BookmarkRestored(UUID profileId, UUID bookmarkId, UUID contentId, UUID titleId, Instant at) {}
