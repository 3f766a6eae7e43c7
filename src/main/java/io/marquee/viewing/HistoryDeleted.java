package io.marquee.viewing;

import java.util.List;
import java.util.UUID;

/**
 * A profile deleted viewing history: the bookmarks of {@code contentIds} (one movie or episode, or every episode of a
 * series) are gone. Published in the write's transaction.
 */
public record HistoryDeleted(UUID profileId, List<UUID> contentIds) {}
