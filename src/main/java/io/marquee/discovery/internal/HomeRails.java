package io.marquee.discovery.internal;

import io.marquee.catalog.TitleCard;
import io.marquee.catalog.TitleCards;
import io.marquee.discovery.internal.EmbeddingStore.SemanticHit;
import io.marquee.discovery.internal.RecommendationViews.HomeResponse;
import io.marquee.discovery.internal.RecommendationViews.Rail;
import io.marquee.discovery.internal.RecommendationViews.RailItem;
import io.marquee.identity.AgeRating;
import io.marquee.viewing.ContinueWatching;
import io.marquee.viewing.ViewingItem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The home rails of a profile (SPEC §6, PoC §3.7 with the fixes of §6.3–6.5), in order: Continue Watching, For You
 * (or Popular Now while the profile has no taste yet), My List, New Releases, Trending, Top in &lt;genre&gt;; a rail
 * without items is left out. Each rail is one or two queries; all titles are rendered with one more.
 *
 * <p>Cached per profile, already serialised, for {@code marquee.cache.ttl.home-rails}; the profile's own viewing
 * writes evict it ({@link HomeRailsEviction}). The entry remembers the parental rating it was made for, so a changed
 * rating is never served from the cache.
 */
@Service
class HomeRails {

    static final String CACHE = "home-rails";

    /** A profile's rails as JSON, made for {@code ageRating}. */
    record CachedHome(String ageRating, String json) {}

    private final ContinueWatching continueWatching;
    private final RailQueries queries;
    private final PopularTitles popular;
    private final EmbeddingStore embeddings;
    private final TitleCards cards;
    private final DiscoverySettings settings;
    private final JsonMapper json;

    HomeRails(
            ContinueWatching continueWatching,
            RailQueries queries,
            PopularTitles popular,
            EmbeddingStore embeddings,
            TitleCards cards,
            DiscoverySettings settings,
            JsonMapper json) {
        this.continueWatching = continueWatching;
        this.queries = queries;
        this.popular = popular;
        this.embeddings = embeddings;
        this.cards = cards;
        this.settings = settings;
        this.json = json;
    }

    @Cacheable(cacheNames = CACHE, key = "#profileId")
    public CachedHome cached(UUID userId, UUID profileId, AgeRating ratingLimit) {
        return compute(userId, profileId, ratingLimit);
    }

    /** Replaces an entry made for another parental rating. */
    @CachePut(cacheNames = CACHE, key = "#profileId")
    public CachedHome recompute(UUID userId, UUID profileId, AgeRating ratingLimit) {
        return compute(userId, profileId, ratingLimit);
    }

    private CachedHome compute(UUID userId, UUID profileId, AgeRating ratingLimit) {
        return new CachedHome(ratingLimit.label(), json.writeValueAsString(rails(userId, profileId, ratingLimit)));
    }

    private HomeResponse rails(UUID userId, UUID profileId, AgeRating ratingLimit) {
        int size = settings.railSize();
        List<ViewingItem> watching = continueWatching.top(userId, profileId, size);
        List<SemanticHit> forYou = forYou(profileId, ratingLimit, size);
        List<UUID> popularNow =
                forYou.isEmpty() ? popular.popular(ratingLimit, size).titleIds() : List.of();
        List<UUID> myList = queries.watchlist(profileId, ratingLimit, size);
        List<UUID> newReleases = queries.newReleases(ratingLimit, size);
        List<UUID> trending = popular.trending(ratingLimit, size).titleIds();
        Optional<RailQueries.TopGenre> topGenre = queries.topGenre(profileId, ratingLimit, size);

        Set<UUID> all = new LinkedHashSet<>();
        forYou.forEach(hit -> all.add(hit.titleId()));
        all.addAll(popularNow);
        all.addAll(myList);
        all.addAll(newReleases);
        all.addAll(trending);
        topGenre.ifPresent(genre -> all.addAll(genre.titleIds()));
        Map<UUID, TitleCard> rendered = cards.of(userId, all, ratingLimit).stream()
                .collect(Collectors.toMap(TitleCard::id, Function.identity()));

        List<Rail> rails = new ArrayList<>();
        add(rails, "Continue Watching", "continue_watching", watching);
        add(rails, "For You", "for_you", RailItem.of(forYou, rendered));
        add(rails, "Popular Now", "popular_now", items(popularNow, rendered));
        add(rails, "My List", "watchlist", items(myList, rendered));
        add(rails, "New Releases", "new_releases", items(newReleases, rendered));
        add(rails, "Trending", "trending", items(trending, rendered));
        topGenre.ifPresent(genre -> add(rails, "Top in " + genre.name(), "genre", items(genre.titleIds(), rendered)));
        return new HomeResponse(rails);
    }

    /** The titles nearest to the profile's taste that it has not met yet; empty without a taste. */
    private List<SemanticHit> forYou(UUID profileId, AgeRating ratingLimit, int size) {
        RailQueries.Taste taste = queries.taste(profileId);
        return taste.centroid()
                .map(centroid -> embeddings.nearest(centroid, ratingLimit, -1, taste.seen(), size, settings.efSearch()))
                .orElse(List.of());
    }

    private static List<RailItem> items(List<UUID> ids, Map<UUID, TitleCard> rendered) {
        return ids.stream()
                .filter(rendered::containsKey)
                .map(id -> RailItem.of(rendered.get(id), null))
                .toList();
    }

    private static void add(List<Rail> rails, String name, String type, List<?> items) {
        if (!items.isEmpty()) {
            rails.add(new Rail(name, type, items));
        }
    }
}
