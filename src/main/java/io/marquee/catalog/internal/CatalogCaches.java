package io.marquee.catalog.internal;

import io.marquee.identity.AgeRating;
import java.util.List;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

/**
 * The catalog's Redis caches (SPEC §7): genres ({@code marquee.cache.ttl.genres}) and featured titles per parental
 * rating ({@code marquee.cache.ttl.featured}). Only what is the same for every user is cached; {@code entitled} is
 * computed per request. Admin writes evict after their commit, so no reader can cache the state before it.
 */
@Component
class CatalogCaches {

    static final String GENRES = "genres";
    static final String FEATURED = "featured";

    record GenreList(List<CatalogReads.Genre> items) {}

    record FeaturedList(List<CatalogReads.CardRow> items) {}

    private final CatalogReads reads;
    private final CatalogSettings settings;

    CatalogCaches(CatalogReads reads, CatalogSettings settings) {
        this.reads = reads;
        this.settings = settings;
    }

    @Cacheable(cacheNames = GENRES, key = "'all'")
    public GenreList genres() {
        return new GenreList(reads.genres());
    }

    @CachePut(cacheNames = GENRES, key = "'all'")
    public GenreList refreshGenres() {
        return genres();
    }

    /** Featured titles a profile of this rating may see; {@code TV-MA} is everyone's list, unrated titles included. */
    @Cacheable(cacheNames = FEATURED, key = "#rating.label()")
    public FeaturedList featured(AgeRating rating) {
        return new FeaturedList(reads.featured(Parental.allowed(rating), settings.featuredLimit()));
    }

    @CachePut(cacheNames = FEATURED, key = "#rating.label()")
    public FeaturedList refreshFeatured(AgeRating rating) {
        return featured(rating);
    }

    @CacheEvict(cacheNames = FEATURED, allEntries = true)
    public void evictFeatured() {}

    /** Featured cards carry genre names, so a genre change evicts both. */
    @CacheEvict(
            cacheNames = {GENRES, FEATURED},
            allEntries = true)
    public void evictGenres() {}
}
