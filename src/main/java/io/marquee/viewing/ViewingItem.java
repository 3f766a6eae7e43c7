package io.marquee.viewing;

import io.marquee.catalog.CatalogContent;
import io.marquee.catalog.TitleCard;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** An item of continue watching, paused or history (PoC {@code ContinueWatchingItem}). */
public record ViewingItem(
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
        NextEpisode nextEpisode) {

    /**
     * The movie or series a bookmark belongs to; for an episode {@code title} is the series' and the episode fields
     * are filled, for a movie they are null.
     */
    public record TitleInfo(
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

        public static TitleInfo of(TitleCard card, CatalogContent.Episode episode) {
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

    public record NextEpisode(UUID episodeId, int seasonNumber, int episodeNumber, String episodeTitle) {

        public static NextEpisode of(CatalogContent.EpisodeRef next) {
            return next == null
                    ? null
                    : new NextEpisode(next.id(), next.seasonNumber(), next.episodeNumber(), next.title());
        }
    }
}
