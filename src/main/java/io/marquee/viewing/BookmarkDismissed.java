package io.marquee.viewing;

import java.time.Instant;
import java.util.UUID;

/** A profile removed a bookmark from continue watching (it moves to paused). Published in the write's transaction. */
public record BookmarkDismissed(UUID profileId, UUID bookmarkId, UUID contentId, UUID titleId, Instant at) {}
