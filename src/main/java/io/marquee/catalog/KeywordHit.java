package io.marquee.catalog;

import java.util.UUID;

/**
 * One title found by {@link KeywordSearch}.
 *
 * @param titleId the title
 * @param rank full-text rank ({@code ts_rank} over the weighted vector) plus trigram word similarity to the title;
 *     only meaningful for ordering hits of the same query
 * @param matchReason which part matched, decided in SQL: {@code "Title match"}, {@code "Description match"},
 *     {@code "Cast match"} (joined with {@code " · "} when several parts carry query words, in that order),
 *     {@code "Keyword match"} (full text matched without a positive word, e.g. {@code -word}), or
 *     {@code "Similar title"} (trigram similarity only)
 */
public record KeywordHit(UUID titleId, double rank, String matchReason) {}
