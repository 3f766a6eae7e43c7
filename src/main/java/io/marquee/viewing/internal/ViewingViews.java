package io.marquee.viewing.internal;

import io.marquee.catalog.CatalogContent;
import io.marquee.catalog.TitleCard;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** What the viewing endpoints answer (PoC §2.6 schemas, plus the fields Marquee adds). */
final class ViewingViews {

    private ViewingViews() {}

    /** A bookmark as the heartbeat, dismiss, restore and by-content answer it (PoC {@code BookmarkResponse}). */
    record BookmarkView(
            UUID id,
            @Schema(allowableValues = {"movie", "episode"}) String contentType,
            UUID contentId,
            int positionSeconds,
            int durationSeconds,
            boolean completed,
            Instant dismissedAt,

            @Schema(description = "Server time of the last change")
            Instant updatedAt,

            @Schema(description = "The client's time of the stored heartbeat")
            Instant recordedAt,

            @Schema(
                    allowableValues = {"tv", "mobile", "tablet", "web"},
                    nullable = true)
            String deviceType,

            @Schema(description = "Always null here (kept for the PoC's clients)", nullable = true)
            TitleInfo titleInfo) {

        static BookmarkView of(BookmarkRows.Row row) {
            return new BookmarkView(
                    row.id(),
                    row.contentType(),
                    row.contentId(),
                    row.positionSeconds(),
                    row.durationSeconds(),
                    row.completed(),
                    row.dismissedAt(),
                    row.updatedAt(),
                    row.recordedAt(),
                    row.deviceType(),
                    null);
        }
    }

    /**
     * The movie or series a bookmark belongs to; for an episode {@code title} is the series' and the episode fields
     * are filled, for a movie they are null.
     */
    record TitleInfo(
            UUID id,
            String title,
            String titleType,
            String posterUrl,
            String landscapeUrl,
            Integer releaseYear,
            String ageRating,
            boolean entitled,
            String episodeTitle,
            Integer seasonNumber,
            Integer episodeNumber) {

        static TitleInfo of(TitleCard card, CatalogContent.Episode episode) {
            return new TitleInfo(
                    card.id(),
                    card.title(),
                    card.titleType(),
                    card.posterUrl(),
                    card.landscapeUrl(),
                    card.releaseYear(),
                    card.ageRating(),
                    card.entitled(),
                    episode == null ? null : episode.title(),
                    episode == null ? null : episode.seasonNumber(),
                    episode == null ? null : episode.episodeNumber());
        }
    }

    record NextEpisode(UUID episodeId, int seasonNumber, int episodeNumber, String episodeTitle) {

        static NextEpisode of(CatalogContent.EpisodeRef next) {
            return next == null
                    ? null
                    : new NextEpisode(next.id(), next.seasonNumber(), next.episodeNumber(), next.title());
        }
    }

    /** An item of continue watching, paused or history (PoC {@code ContinueWatchingItem}). */
    record ItemView(
            UUID id,
            @Schema(allowableValues = {"movie", "episode"}) String contentType,
            UUID contentId,
            int positionSeconds,
            int durationSeconds,

            @Schema(description = "position / duration × 100, one decimal")
            double progressPercent,

            boolean completed,
            Instant dismissedAt,
            Instant updatedAt,

            @Schema(description = "0..1, continue watching only (else null)", nullable = true)
            Double resumptionScore,

            TitleInfo titleInfo,

            @Schema(
                    description = "The episode after this one (across seasons, skipping finished ones);"
                            + " continue watching only",
                    nullable = true)
            NextEpisode nextEpisode) {}

    /** A watchlist entry. */
    record WatchlistItem(UUID titleId, Instant addedAt, TitleInfo titleInfo) {}

    /** A profile's thumbs up (1) or down (−1) for a title. */
    record RatingView(UUID titleId, int rating, Instant createdAt, Instant updatedAt) {}

    /** The answer of adding to the watchlist (PoC). */
    record Detail(String detail) {}
}
