package io.marquee.viewing.internal;

import io.marquee.viewing.ViewingItem.TitleInfo;
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

    /** A watchlist entry. */
    record WatchlistItem(UUID titleId, Instant addedAt, TitleInfo titleInfo) {}

    /** A profile's thumbs up (1) or down (−1) for a title. */
    record RatingView(UUID titleId, int rating, Instant createdAt, Instant updatedAt) {}

    /** The answer of adding to the watchlist (PoC). */
    record Detail(String detail) {}
}
