package io.marquee.catalog;

import java.util.UUID;

/**
 * An episode was added to a season of a series (SPEC §5: viewers of the series hear of it). Published in the
 * transaction of the write.
 */
public record EpisodePublished(UUID episodeId, UUID seriesId, int seasonNumber, int episodeNumber) {}
