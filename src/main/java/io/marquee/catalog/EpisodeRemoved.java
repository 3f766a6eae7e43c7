package io.marquee.catalog;

import java.util.UUID;

/**
 * An episode was deleted, on its own or with its season. Published in the transaction of the write; deleting a whole
 * title publishes {@link TitleRemoved} instead.
 */
public record EpisodeRemoved(UUID episodeId, UUID seriesId) {}
