package io.marquee.discovery.internal;

import io.marquee.catalog.CatalogContent;
import io.marquee.catalog.TitleCard;
import io.marquee.catalog.TitleCards;
import io.marquee.discovery.internal.EmbeddingStore.SemanticHit;
import io.marquee.discovery.internal.RecommendationViews.RailItem;
import io.marquee.identity.AgeRating;
import io.marquee.platform.errors.NotFoundException;
import io.marquee.viewing.ViewingItem.NextEpisode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** "More like this" and post-play (SPEC §6): the titles nearest to a title's embedding, and the episode to play next. */
@Service
class SimilarTitles {

    static final String TITLE_NOT_FOUND = "Title not found";

    private final CatalogContent catalog;
    private final TitleCards cards;
    private final EmbeddingStore embeddings;
    private final RailQueries queries;
    private final DiscoverySettings settings;

    SimilarTitles(
            CatalogContent catalog,
            TitleCards cards,
            EmbeddingStore embeddings,
            RailQueries queries,
            DiscoverySettings settings) {
        this.catalog = catalog;
        this.cards = cards;
        this.embeddings = embeddings;
        this.queries = queries;
        this.settings = settings;
    }

    /**
     * The titles nearest to a movie or series, nearest first, without the title itself; empty while it has no
     * embedding.
     */
    List<RailItem> similar(UUID userId, UUID titleId, AgeRating ratingLimit, int limit) {
        CatalogContent.Content title = catalog.find(titleId)
                .filter(content -> content.kind() != CatalogContent.Kind.EPISODE)
                .orElseThrow(() -> new NotFoundException(TITLE_NOT_FOUND));
        return render(userId, nearest(title.titleId(), ratingLimit, limit), ratingLimit);
    }

    /**
     * What to offer when playback of a movie, an episode or a series ends: for an episode, the next one the profile has
     * not finished (across seasons) first; for a series, the episode it watched last unless finished, else the one
     * after; then the titles most similar to the movie or series.
     */
    List<RailItem> postPlay(UUID userId, UUID profileId, UUID contentId, AgeRating ratingLimit, int limit) {
        CatalogContent.Content content =
                catalog.find(contentId).orElseThrow(() -> new NotFoundException(TITLE_NOT_FOUND));
        Optional<NextEpisode> next = nextEpisode(profileId, content);
        List<RailItem> items = new ArrayList<>();
        if (next.isPresent()) {
            cards.of(userId, List.of(content.titleId()), ratingLimit).stream()
                    .findFirst()
                    .ifPresent(series -> items.add(new RailItem(series, null, next.get())));
        }
        items.addAll(render(userId, nearest(content.titleId(), ratingLimit, limit - items.size()), ratingLimit));
        return items;
    }

    private Optional<NextEpisode> nextEpisode(UUID profileId, CatalogContent.Content content) {
        if (content.kind() == CatalogContent.Kind.MOVIE) {
            return Optional.empty();
        }
        RailQueries.SeriesProgress progress = queries.seriesProgress(profileId, content.titleId());
        Optional<UUID> from =
                content.kind() == CatalogContent.Kind.EPISODE ? Optional.of(content.id()) : progress.lastEpisode();
        return from.map(id -> catalog.episodes(List.of(id), progress.finished()).get(id))
                .flatMap(episode -> content.kind() == CatalogContent.Kind.SERIES
                                && !progress.finished().contains(episode.id())
                        ? Optional.of(new NextEpisode(
                                episode.id(), episode.seasonNumber(), episode.episodeNumber(), episode.title()))
                        : Optional.ofNullable(NextEpisode.of(episode.next())));
    }

    private List<SemanticHit> nearest(UUID titleId, AgeRating ratingLimit, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return embeddings
                .vectorOf(titleId)
                .map(vector ->
                        embeddings.nearest(vector, ratingLimit, -1, List.of(titleId), limit, settings.efSearch()))
                .orElse(List.of());
    }

    private List<RailItem> render(UUID userId, List<SemanticHit> hits, AgeRating ratingLimit) {
        Map<UUID, TitleCard> rendered =
                cards.of(userId, hits.stream().map(SemanticHit::titleId).toList(), ratingLimit).stream()
                        .collect(Collectors.toMap(TitleCard::id, Function.identity()));
        return RailItem.of(hits, rendered);
    }
}
