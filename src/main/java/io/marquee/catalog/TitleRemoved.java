package io.marquee.catalog;

import java.util.UUID;

/**
 * A title was deleted, and with it its seasons and episodes (no {@link EpisodeRemoved} is published for those).
 * Published in the transaction of the write.
 */
public record TitleRemoved(UUID titleId) {}
