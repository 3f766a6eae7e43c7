package io.marquee.discovery.internal;

import io.marquee.identity.AgeRating;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The SQL of {@code content_embeddings}: the text recipe, staleness, writes and the cosine search. */
@Repository
class EmbeddingStore {

    /**
     * The one text recipe (PoC §3.8, the admin template): the parts that are not empty, joined with single spaces:
     * title, short and long synopsis, "Genres: " names (primary first, then by name), "Cast: " names (billing order),
     * "Mood: " tags, "Themes: " tags, the AI description. {@code :ids} {@code NULL} means every title.
     */
    private static final String TEXTS = """
            SELECT t.id,
                   concat_ws(' ',
                       nullif(btrim(t.title), ''),
                       nullif(btrim(t.synopsis_short), ''),
                       nullif(btrim(t.synopsis_long), ''),
                       'Genres: ' || (SELECT string_agg(g.name, ', ' ORDER BY tg.is_primary DESC, g.name)
                                      FROM title_genres tg JOIN genres g ON g.id = tg.genre_id
                                      WHERE tg.title_id = t.id),
                       'Cast: ' || (SELECT string_agg(c.person_name, ', ' ORDER BY c.sort_order, c.person_name)
                                    FROM title_cast c WHERE c.title_id = t.id),
                       'Mood: ' || nullif(array_to_string(t.mood_tags, ', '), ''),
                       'Themes: ' || nullif(array_to_string(t.theme_tags, ', '), ''),
                       nullif(btrim(t.ai_description), '')) AS text
            FROM titles t
            WHERE CAST(:ids AS uuid[]) IS NULL OR t.id = ANY(:ids)
            """;

    /** Titles whose embedding is missing, or was made from other text or by another model; all with regenerate. */
    private static final String STALE = """
            WITH texts AS (%s)
            SELECT x.id, x.text, sha256(convert_to(x.text, 'UTF8')) AS hash
            FROM texts x LEFT JOIN content_embeddings e ON e.title_id = x.id
            WHERE :regenerate
               OR e.title_id IS NULL
               OR e.model_version <> :model
               OR e.text_hash <> sha256(convert_to(x.text, 'UTF8'))
            ORDER BY x.id
            """.formatted(TEXTS);

    private final JdbcClient jdbc;

    EmbeddingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A title's text, to embed, and the SHA-256 of its UTF-8 bytes, to store with the vector. */
    record TitleText(UUID titleId, String text, byte[] hash) {}

    /**
     * The titles among {@code ids} (all titles when {@code null}) whose embedding needs (re)computing; every one of
     * them when {@code regenerate}. One query.
     */
    List<TitleText> stale(Collection<UUID> ids, boolean regenerate) {
        return jdbc.sql(STALE)
                .param("ids", ids == null ? null : ids.toArray(UUID[]::new))
                .param("regenerate", regenerate)
                .param("model", TextEmbedder.MODEL_VERSION)
                .query((rs, n) ->
                        new TitleText(rs.getObject("id", UUID.class), rs.getString("text"), rs.getBytes("hash")))
                .list();
    }

    /** Ids of the titles {@link #stale} would return for all titles, best for counting a job up front. */
    List<UUID> staleIds(boolean regenerate) {
        return stale(null, regenerate).stream().map(TitleText::titleId).toList();
    }

    /** Writes the vectors of a batch (a title deleted meanwhile is skipped). */
    @Transactional
    void save(List<TitleText> texts, List<float[]> vectors) {
        for (int i = 0; i < texts.size(); i++) {
            TitleText text = texts.get(i);
            jdbc.sql("""
                            INSERT INTO content_embeddings (title_id, embedding, model_version, text_hash, updated_at)
                            SELECT t.id, CAST(:embedding AS vector), :model, :hash, now()
                            FROM titles t WHERE t.id = :id
                            ON CONFLICT (title_id) DO UPDATE
                                SET embedding = excluded.embedding, model_version = excluded.model_version,
                                    text_hash = excluded.text_hash, updated_at = excluded.updated_at
                            """)
                    .param("id", text.titleId())
                    .param("embedding", TextEmbedder.literal(vectors.get(i)))
                    .param("model", TextEmbedder.MODEL_VERSION)
                    .param("hash", text.hash())
                    .update();
        }
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM content_embeddings")
                .query(Long.class)
                .single();
    }

    boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM content_embeddings)")
                .query(Boolean.class)
                .single();
    }

    /** A semantic hit: similarity = 1 − cosine distance. */
    record SemanticHit(UUID titleId, double similarity) {}

    /** The labels a profile with {@code ratingLimit} may see; {@code null} (no filter) for an unrestricted one. */
    static String[] allowedRatings(AgeRating ratingLimit) {
        return ratingLimit == null || ratingLimit == AgeRating.TV_MA
                ? null
                : ratingLimit.allowedLabels().toArray(String[]::new);
    }

    /** The stored embedding of a title, as a pgvector literal. */
    Optional<String> vectorOf(UUID titleId) {
        return jdbc.sql("SELECT CAST(embedding AS text) FROM content_embeddings WHERE title_id = :id")
                .param("id", titleId)
                .query(String.class)
                .optional();
    }

    /**
     * The titles nearest to {@code vector} (a pgvector literal) by cosine distance with at least {@code minSimilarity},
     * nearest first, under the parental filter and leaving out {@code excluded}. Served by the HNSW index; the
     * iterative scan keeps looking past titles that the filter removes, so a restricted profile still gets up to
     * {@code limit} hits.
     */
    @Transactional(readOnly = true)
    List<SemanticHit> nearest(
            String vector,
            AgeRating ratingLimit,
            double minSimilarity,
            Collection<UUID> excluded,
            int limit,
            int efSearch) {
        jdbc.sql(
                        "SELECT set_config('hnsw.ef_search', :ef, true), set_config('hnsw.iterative_scan', 'strict_order', true)")
                .param("ef", Integer.toString(Math.max(efSearch, limit)))
                .query()
                .singleRow();
        return jdbc.sql("""
                        SELECT h.title_id, 1 - h.distance AS similarity
                        FROM (SELECT e.title_id, e.embedding <=> CAST(:v AS vector) AS distance
                              FROM content_embeddings e JOIN titles t ON t.id = e.title_id
                              WHERE (CAST(:ratings AS text[]) IS NULL OR t.age_rating = ANY(:ratings))
                                AND e.title_id <> ALL(CAST(:excluded AS uuid[]))
                              ORDER BY e.embedding <=> CAST(:v AS vector)
                              LIMIT :limit) h
                        WHERE 1 - h.distance >= :min
                        ORDER BY h.distance, h.title_id
                        """)
                .param("v", vector)
                .param("ratings", allowedRatings(ratingLimit))
                .param("excluded", excluded.toArray(UUID[]::new))
                .param("limit", limit)
                .param("min", minSimilarity)
                .query((rs, n) -> new SemanticHit(rs.getObject("title_id", UUID.class), rs.getDouble("similarity")))
                .list();
    }
}
