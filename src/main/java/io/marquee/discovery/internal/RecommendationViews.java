package io.marquee.discovery.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.marquee.catalog.TitleCard;
import io.marquee.discovery.internal.EmbeddingStore.SemanticHit;
import io.marquee.viewing.ViewingItem.NextEpisode;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the recommendation endpoints answer. */
final class RecommendationViews {

    private RecommendationViews() {}

    /**
     * A title of a rail: the catalog's list item, plus how close it is to what it was chosen for and, first in
     * post-play, the episode to play next.
     */
    record RailItem(
            @JsonUnwrapped TitleCard card,

            @Schema(
                    description = "Cosine similarity (For You, similar, post-play), rounded to 4 decimals",
                    nullable = true)
            Double similarityScore,

            @Schema(description = "Post-play only: the series' episode to play next", nullable = true)
            NextEpisode nextEpisode) {

        static RailItem of(TitleCard card, Double similarity) {
            return new RailItem(card, similarity == null ? null : DiscoverySearch.round(similarity), null);
        }

        /** The hits that have a card, in order, with their similarity. */
        static List<RailItem> of(List<SemanticHit> hits, Map<UUID, TitleCard> cards) {
            return hits.stream()
                    .filter(hit -> cards.containsKey(hit.titleId()))
                    .map(hit -> of(cards.get(hit.titleId()), hit.similarity()))
                    .toList();
        }
    }

    record Rail(
            String name,

            @Schema(
                    allowableValues = {
                        "continue_watching",
                        "for_you",
                        "popular_now",
                        "watchlist",
                        "new_releases",
                        "trending",
                        "genre"
                    })
            String railType,

            @ArraySchema(
                    arraySchema =
                            @Schema(
                                    description = "Title items (RailItem); in continue_watching the items of"
                                            + " GET /viewing/continue-watching"))
            List<?> items) {}

    record HomeResponse(List<Rail> rails) {}
}
