package io.marquee.catalog.internal;

/**
 * The SQL of the one keyword predicate (SPEC §4), over {@code titles t} and the bound text {@code :q}. The trigram
 * operator {@code <%} reads {@code pg_trgm.word_similarity_threshold}, which {@link CatalogReads} sets for the
 * transaction before each keyword query.
 */
final class KeywordPredicate {

    private static final String TSQUERY = "websearch_to_tsquery('english', CAST(:q AS text))";

    /** Served by the GIN indexes on {@code search_vector} and on {@code title gin_trgm_ops} (a BitmapOr). */
    static final String MATCHES = "(t.search_vector @@ " + TSQUERY + " OR CAST(:q AS text) <% t.title)";

    /** Full-text rank with the default weights (A 1.0, B 0.4, C 0.2) plus the title's trigram word similarity. */
    static final String RANK =
            "(ts_rank(t.search_vector, " + TSQUERY + ") + word_similarity(CAST(:q AS text), t.title))";

    /**
     * Which weighted parts of the vector hold a word of the query (SPEC §6 labels); "Similar title" when only the
     * trigram side matched.
     */
    static final String REASON = """
            CASE WHEN NOT t.search_vector @@ %1$s THEN 'Similar title'
                 ELSE coalesce(nullif(concat_ws(' · ',
                          CASE WHEN tsvector_to_array(ts_filter(t.search_vector, '{a}')) && %2$s THEN 'Title match' END,
                          CASE WHEN tsvector_to_array(ts_filter(t.search_vector, '{c}')) && %2$s
                               THEN 'Description match' END,
                          CASE WHEN tsvector_to_array(ts_filter(t.search_vector, '{b}')) && %2$s THEN 'Cast match' END),
                      ''), 'Keyword match')
            END""".formatted(TSQUERY, "tsvector_to_array(to_tsvector('english', CAST(:q AS text)))");

    private KeywordPredicate() {}

    /** Text with no letter or digit has neither lexemes nor trigrams: it matches nothing, so it is not queried. */
    static boolean searchable(String q) {
        return q != null && q.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
