package io.marquee.discovery.internal;

import io.marquee.identity.AgeRating;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

/**
 * The rails that are the same for every profile of a parental rating (they aggregate everyone's bookmarks), cached per
 * rating for {@code marquee.cache.ttl.popularity}: one aggregation per rating and period for the whole service instead
 * of one per profile.
 */
@Component
class PopularTitles {

    static final String CACHE = "popularity";

    /** A ranked list of title ids (a record, so the cached value carries its type). */
    record Ranking(List<UUID> titleIds) {}

    private final RailQueries queries;
    private final DiscoverySettings settings;
    private final Clock clock;

    PopularTitles(RailQueries queries, DiscoverySettings settings, Clock clock) {
        this.queries = queries;
        this.settings = settings;
        this.clock = clock;
    }

    @Cacheable(cacheNames = CACHE, key = "'trending:' + #ratingLimit.label() + ':' + #limit")
    public Ranking trending(AgeRating ratingLimit, int limit) {
        return new Ranking(queries.trending(
                ratingLimit, clock.instant(), settings.trendingWindow(), settings.trendingDecay(), limit));
    }

    @Cacheable(cacheNames = CACHE, key = "'popular:' + #ratingLimit.label() + ':' + #limit")
    public Ranking popular(AgeRating ratingLimit, int limit) {
        return new Ranking(queries.popular(ratingLimit, limit));
    }
}
