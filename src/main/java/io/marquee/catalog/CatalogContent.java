package io.marquee.catalog;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules need to know about catalog content by id (the viewing module: what a bookmark points at, and
 * which episode comes next), each answer one query.
 */
public interface CatalogContent {

    /** What a content id is. */
    enum Kind {
        MOVIE,
        SERIES,
        EPISODE
    }

    /**
     * @param titleId the movie or series itself, or the series of an episode
     */
    record Content(UUID id, Kind kind, UUID titleId) {}

    /** An episode's place in its series. */
    record EpisodeRef(UUID id, int seasonNumber, int episodeNumber, String title) {}

    /**
     * @param next the episode with the smallest (season, episode) after this one in the series, across seasons,
     *     leaving out the skipped ones; {@code null} when there is none
     */
    record Episode(UUID id, UUID seriesId, int seasonNumber, int episodeNumber, String title, EpisodeRef next) {}

    /** The title or episode with this id, if it exists. */
    Optional<Content> find(UUID contentId);

    /**
     * The given episodes (unknown ids are left out), each with its next episode, in one query.
     *
     * @param skipped episodes never offered as a next episode (e.g. those the viewer has finished)
     */
    Map<UUID, Episode> episodes(Collection<UUID> episodeIds, Collection<UUID> skipped);
}
