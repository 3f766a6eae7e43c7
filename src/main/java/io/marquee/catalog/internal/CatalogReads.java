package io.marquee.catalog.internal;

import io.marquee.catalog.KeywordHit;
import io.marquee.catalog.TitleCard;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** SQL for what viewers read: title cards, a title's details, episodes, genres, and keyword matches. */
@Repository
class CatalogReads {

    /** A title in the list-item shape before the caller's entitlement is known (cached as is for featured). */
    record CardRow(
            UUID id,
            String title,
            String titleType,
            String synopsisShort,
            Integer releaseYear,
            Integer durationMinutes,
            String ageRating,
            String posterUrl,
            String landscapeUrl,
            boolean isFeatured,
            List<String> moodTags,
            List<String> genres,
            String hlsManifestUrl) {

        TitleCard card(boolean entitled) {
            return new TitleCard(
                    id,
                    title,
                    titleType,
                    synopsisShort,
                    releaseYear,
                    durationMinutes,
                    ageRating,
                    posterUrl,
                    landscapeUrl,
                    isFeatured,
                    moodTags,
                    genres,
                    entitled,
                    entitled ? hlsManifestUrl : null);
        }
    }

    /**
     * The filters of a title list; {@code null} fields do not filter.
     *
     * @param q keyword text, already known to be {@link KeywordPredicate#searchable}
     * @param ratings the age ratings allowed, or {@code null} for no parental filter
     */
    record TitleFilter(String genreSlug, String titleType, String q, String[] ratings) {}

    record TitleRow(
            UUID id,
            String title,
            String titleType,
            String synopsisShort,
            String synopsisLong,
            Integer releaseYear,
            Integer durationMinutes,
            String ageRating,
            String countryOfOrigin,
            String language,
            String posterUrl,
            String landscapeUrl,
            String logoUrl,
            String hlsManifestUrl,
            boolean isFeatured,
            List<String> moodTags,
            List<String> themeTags,
            String aiDescription,
            List<UUID> genreIds,
            List<String> genres,
            Instant createdAt) {}

    record CastRow(String personName, String role, String characterName) {}

    record EpisodeRow(
            UUID id,
            int episodeNumber,
            String title,
            String synopsis,
            Integer durationMinutes,
            String hlsManifestUrl) {}

    record SeasonRow(UUID id, int seasonNumber, String name, String synopsis, List<EpisodeRow> episodes) {}

    record Genre(UUID id, String name, String slug) {}

    /** One episode with its place in the series: neighbours in (season number, episode number) order. */
    record EpisodeInSeries(
            EpisodeRow episode,
            UUID seasonId,
            int seasonNumber,
            String seasonName,
            UUID seriesId,
            String seriesTitle,
            String seriesAgeRating,
            String seriesManifestUrl,
            Neighbour previous,
            Neighbour next) {}

    record Neighbour(UUID id, int seasonNumber, int episodeNumber, String title) {}

    record PageRows(List<CardRow> rows, long total) {}

    private static final String CARD_COLUMNS = """
            t.id, t.title, t.title_type, t.synopsis_short, t.release_year, t.duration_minutes, t.age_rating,
            t.poster_url, t.landscape_url, t.is_featured, t.mood_tags, t.hls_manifest_url,
            ARRAY(SELECT g.name FROM title_genres tg JOIN genres g ON g.id = tg.genre_id
                  WHERE tg.title_id = t.id ORDER BY tg.is_primary DESC, g.name) AS genres
            """;

    static final String RATING_FILTER =
            "(CAST(:ratings AS text[]) IS NULL OR t.age_rating = ANY(CAST(:ratings AS text[])))";

    private static final String FILTERS = """
            (CAST(:type AS text) IS NULL OR t.title_type = :type)
            AND (CAST(:genre AS text) IS NULL OR t.id IN (
                SELECT tg.title_id FROM title_genres tg JOIN genres g ON g.id = tg.genre_id WHERE g.slug = :genre))
            AND\s""" + RATING_FILTER;

    private static final RowMapper<CardRow> CARD = (rs, n) -> new CardRow(
            rs.getObject("id", UUID.class),
            rs.getString("title"),
            rs.getString("title_type"),
            rs.getString("synopsis_short"),
            rs.getObject("release_year", Integer.class),
            rs.getObject("duration_minutes", Integer.class),
            rs.getString("age_rating"),
            rs.getString("poster_url"),
            rs.getString("landscape_url"),
            rs.getBoolean("is_featured"),
            strings(rs, "mood_tags"),
            strings(rs, "genres"),
            rs.getString("hls_manifest_url"));

    private final JdbcClient jdbc;

    CatalogReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of titles in the filter's order (keyword rank when {@code q} is given, else title), and the total. */
    @Transactional(readOnly = true)
    PageRows page(TitleFilter filter, double similarityThreshold, int limit, long offset) {
        String where = FILTERS + (filter.q() == null ? "" : " AND " + KeywordPredicate.MATCHES);
        String order = filter.q() == null ? "t.title, t.id" : KeywordPredicate.RANK + " DESC, t.title, t.id";
        if (filter.q() != null) {
            useSimilarityThreshold(similarityThreshold);
        }
        List<CardRow> rows = bind(
                        jdbc.sql("SELECT " + CARD_COLUMNS + " FROM titles t WHERE " + where + " ORDER BY " + order
                                + " LIMIT :limit OFFSET :offset"),
                        filter)
                .param("limit", limit)
                .param("offset", offset)
                .query(CARD)
                .list();
        long total = bind(jdbc.sql("SELECT count(*) FROM titles t WHERE " + where), filter)
                .query(Long.class)
                .single();
        return new PageRows(rows, total);
    }

    /** Cards of the given titles that pass the rating filter, in no particular order. */
    List<CardRow> cards(Collection<UUID> ids, String[] ratings) {
        return jdbc.sql("SELECT " + CARD_COLUMNS + " FROM titles t WHERE t.id = ANY(:ids) AND " + RATING_FILTER)
                .param("ids", ids.toArray(UUID[]::new))
                .param("ratings", ratings)
                .query(CARD)
                .list();
    }

    /** Featured titles, newest first. */
    List<CardRow> featured(String[] ratings, int limit) {
        return jdbc.sql("SELECT " + CARD_COLUMNS + " FROM titles t WHERE t.is_featured AND " + RATING_FILTER
                        + " ORDER BY t.created_at DESC, t.id DESC LIMIT :limit")
                .param("ratings", ratings)
                .param("limit", limit)
                .query(CARD)
                .list();
    }

    @Transactional(readOnly = true)
    List<KeywordHit> keywordHits(String q, String[] ratings, double similarityThreshold, int limit) {
        useSimilarityThreshold(similarityThreshold);
        return jdbc.sql("SELECT t.id AS title_id, " + KeywordPredicate.RANK + " AS rank, " + KeywordPredicate.REASON
                        + " AS match_reason FROM titles t WHERE " + RATING_FILTER + " AND " + KeywordPredicate.MATCHES
                        + " ORDER BY rank DESC, t.title, t.id LIMIT :limit")
                .param("q", q)
                .param("ratings", ratings)
                .param("limit", limit)
                .query((rs, n) -> new KeywordHit(
                        rs.getObject("title_id", UUID.class), rs.getDouble("rank"), rs.getString("match_reason")))
                .list();
    }

    Optional<TitleRow> title(UUID id) {
        return jdbc.sql("""
                        SELECT t.id, t.title, t.title_type, t.synopsis_short, t.synopsis_long, t.release_year,
                               t.duration_minutes, t.age_rating, t.country_of_origin, t.language, t.poster_url,
                               t.landscape_url, t.logo_url, t.hls_manifest_url, t.is_featured, t.mood_tags,
                               t.theme_tags, t.ai_description, t.created_at,
                               ARRAY(SELECT g.id FROM title_genres tg JOIN genres g ON g.id = tg.genre_id
                                     WHERE tg.title_id = t.id ORDER BY tg.is_primary DESC, g.name) AS genre_ids,
                               ARRAY(SELECT g.name FROM title_genres tg JOIN genres g ON g.id = tg.genre_id
                                     WHERE tg.title_id = t.id ORDER BY tg.is_primary DESC, g.name) AS genres
                        FROM titles t
                        WHERE t.id = :id
                        """)
                .param("id", id)
                .query((rs, n) -> new TitleRow(
                        rs.getObject("id", UUID.class),
                        rs.getString("title"),
                        rs.getString("title_type"),
                        rs.getString("synopsis_short"),
                        rs.getString("synopsis_long"),
                        rs.getObject("release_year", Integer.class),
                        rs.getObject("duration_minutes", Integer.class),
                        rs.getString("age_rating"),
                        rs.getString("country_of_origin"),
                        rs.getString("language"),
                        rs.getString("poster_url"),
                        rs.getString("landscape_url"),
                        rs.getString("logo_url"),
                        rs.getString("hls_manifest_url"),
                        rs.getBoolean("is_featured"),
                        strings(rs, "mood_tags"),
                        strings(rs, "theme_tags"),
                        rs.getString("ai_description"),
                        uuids(rs, "genre_ids"),
                        strings(rs, "genres"),
                        instant(rs, "created_at")))
                .optional();
    }

    List<CastRow> cast(UUID titleId) {
        return jdbc.sql("""
                        SELECT person_name, role, character_name FROM title_cast
                        WHERE title_id = :id
                        ORDER BY sort_order, id
                        """).param("id", titleId).query(CastRow.class).list();
    }

    /** The title's seasons by number, each with its episodes by number; one query. */
    List<SeasonRow> seasons(UUID titleId) {
        Map<UUID, SeasonRow> seasons = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT s.id AS season_id, s.season_number, s.name, s.synopsis AS season_synopsis,
                               e.id, e.episode_number, e.title, e.synopsis, e.duration_minutes, e.hls_manifest_url
                        FROM seasons s
                        LEFT JOIN episodes e ON e.season_id = s.id
                        WHERE s.title_id = :id
                        ORDER BY s.season_number, e.episode_number
                        """).param("id", titleId).query(rs -> {
            SeasonRow season =
                    seasons.computeIfAbsent(rs.getObject("season_id", UUID.class), key -> seasonRow(rs, key));
            if (rs.getObject("id") != null) {
                season.episodes().add(episodeRow(rs));
            }
        });
        return new ArrayList<>(seasons.values());
    }

    Optional<EpisodeInSeries> episode(UUID episodeId) {
        return jdbc.sql("""
                        WITH series AS (
                            SELECT s.title_id FROM episodes e JOIN seasons s ON s.id = e.season_id WHERE e.id = :id
                        ), ordered AS (
                            SELECT e.id, e.episode_number, e.title, e.synopsis, e.duration_minutes, e.hls_manifest_url,
                                   s.id AS season_id, s.season_number, s.name AS season_name,
                                   lag(e.id) OVER w AS previous_id,
                                   lag(s.season_number) OVER w AS previous_season_number,
                                   lag(e.episode_number) OVER w AS previous_episode_number,
                                   lag(e.title) OVER w AS previous_title,
                                   lead(e.id) OVER w AS next_id,
                                   lead(s.season_number) OVER w AS next_season_number,
                                   lead(e.episode_number) OVER w AS next_episode_number,
                                   lead(e.title) OVER w AS next_title
                            FROM seasons s
                            JOIN episodes e ON e.season_id = s.id
                            WHERE s.title_id = (SELECT title_id FROM series)
                            WINDOW w AS (ORDER BY s.season_number, e.episode_number)
                        )
                        SELECT o.*, t.id AS series_id, t.title AS series_title, t.age_rating AS series_age_rating,
                               t.hls_manifest_url AS series_manifest_url
                        FROM ordered o
                        JOIN titles t ON t.id = (SELECT title_id FROM series)
                        WHERE o.id = :id
                        """)
                .param("id", episodeId)
                .query((rs, n) -> new EpisodeInSeries(
                        episodeRow(rs),
                        rs.getObject("season_id", UUID.class),
                        rs.getInt("season_number"),
                        rs.getString("season_name"),
                        rs.getObject("series_id", UUID.class),
                        rs.getString("series_title"),
                        rs.getString("series_age_rating"),
                        rs.getString("series_manifest_url"),
                        neighbour(rs, "previous_"),
                        neighbour(rs, "next_")))
                .optional();
    }

    List<Genre> genres() {
        return jdbc.sql("SELECT id, name, slug FROM genres ORDER BY name, id")
                .query(Genre.class)
                .list();
    }

    long titleCount() {
        return jdbc.sql("SELECT count(*) FROM titles").query(Long.class).single();
    }

    /** {@code <%} reads this setting; {@code set_config(…, true)} keeps it to the current transaction. */
    private void useSimilarityThreshold(double threshold) {
        jdbc.sql("SELECT set_config('pg_trgm.word_similarity_threshold', :threshold, true)")
                .param("threshold", Double.toString(threshold))
                .query(String.class)
                .single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, TitleFilter filter) {
        statement = statement
                .param("type", filter.titleType())
                .param("genre", filter.genreSlug())
                .param("ratings", filter.ratings());
        return filter.q() == null ? statement : statement.param("q", filter.q());
    }

    private static SeasonRow seasonRow(ResultSet rs, UUID id) {
        try {
            return new SeasonRow(
                    id,
                    rs.getInt("season_number"),
                    rs.getString("name"),
                    rs.getString("season_synopsis"),
                    new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EpisodeRow episodeRow(ResultSet rs) throws SQLException {
        return new EpisodeRow(
                rs.getObject("id", UUID.class),
                rs.getInt("episode_number"),
                rs.getString("title"),
                rs.getString("synopsis"),
                rs.getObject("duration_minutes", Integer.class),
                rs.getString("hls_manifest_url"));
    }

    private static Neighbour neighbour(ResultSet rs, String prefix) throws SQLException {
        UUID id = rs.getObject(prefix + "id", UUID.class);
        return id == null
                ? null
                : new Neighbour(
                        id,
                        rs.getInt(prefix + "season_number"),
                        rs.getInt(prefix + "episode_number"),
                        rs.getString(prefix + "title"));
    }

    /** A mutable list, so that cached values read back from Redis have a type Jackson can rebuild. */
    static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }

    static List<UUID> uuids(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList((UUID[]) array.getArray()));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
