package io.marquee.catalog;

import io.marquee.identity.AgeRating;
import java.util.List;

/**
 * The catalog's one keyword predicate (SPEC §4), for every module that searches titles by keyword: the catalog's own
 * {@code /catalog/titles?q=} and {@code /catalog/search}, and discovery's keyword mode and hybrid fusion.
 *
 * <p>A title matches when PostgreSQL full text ({@code websearch_to_tsquery('english', q)}: words, {@code "quoted
 * phrases"}, {@code or}, {@code -excluded}) matches its search vector (title weighted A, cast names B, synopses C; kept
 * current by triggers on every write of the title or its cast), or when {@code q} is trigram-similar to a part of the
 * title ({@code word_similarity} at least {@code marquee.catalog.similarity-threshold}, 0.4: typos, partial
 * words). The query is bound, never spliced into SQL, so {@code % _ ' " \} are plain characters; a query without a
 * letter or digit matches nothing.
 */
public interface KeywordSearch {

    /**
     * Matching titles, best first: by {@link KeywordHit#rank()} descending, then title and id (stable). One query.
     *
     * @param q the user's text (blank matches nothing)
     * @param ratingLimit the most permissive age rating to include; {@code null} or {@link AgeRating#TV_MA} means no
     *     parental filter, anything else also hides unrated titles (PoC §3.9)
     * @param limit at most this many hits (1..1000)
     */
    List<KeywordHit> rank(String q, AgeRating ratingLimit, int limit);
}
