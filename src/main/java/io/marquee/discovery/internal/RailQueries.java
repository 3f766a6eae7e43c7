package io.marquee.discovery.internal;

import static io.marquee.discovery.internal.EmbeddingStore.allowedRatings;

import io.marquee.identity.AgeRating;
import io.marquee.platform.sql.SqlTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ranking SQL of the home rails, one query per rail, each under the parental filter. It reads the viewing module's
 * bookmarks, ratings and watchlist (read only): a bookmark's {@code title_id} is the movie or the episode's series, so
 * engagement with episodes counts for their series.
 */
@Repository
class RailQueries {

    /** Titles a restricted profile may see ({@code :ratings} null: every title). */
    private static final String RATED = "(CAST(:ratings AS text[]) IS NULL OR t.age_rating = ANY(:ratings))";

    private final JdbcClient jdbc;

    RailQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A profile's taste: the centroid of the embeddings of the titles it engaged with positively, and every title it
     * has already met.
     *
     * @param centroid the mean of the embeddings (a pgvector literal) of the titles the profile has bookmarks of (not
     *     dismissed), has on its list or rated thumbs up, with thumbs-up titles counted twice and thumbs-down titles
     *     left out; empty without any such embedding
     * @param seen every title with a bookmark (in any state), a rating or a watchlist entry of the profile
     */
    record Taste(Optional<String> centroid, List<UUID> seen) {}

    Taste taste(UUID profileId) {
        return jdbc.sql("""
                        WITH disliked AS (
                            SELECT title_id FROM ratings WHERE profile_id = :profile AND rating = -1
                        ), liked AS (
                            SELECT title_id FROM ratings WHERE profile_id = :profile AND rating = 1
                        ), engaged AS (
                            SELECT title_id FROM bookmarks WHERE profile_id = :profile AND dismissed_at IS NULL
                            UNION SELECT title_id FROM watchlist WHERE profile_id = :profile
                            UNION SELECT title_id FROM liked
                        ), weighted AS (
                            SELECT title_id FROM engaged WHERE title_id NOT IN (SELECT title_id FROM disliked)
                            UNION ALL SELECT title_id FROM liked
                        )
                        SELECT (SELECT CAST(avg(e.embedding) AS text)
                                FROM weighted w JOIN content_embeddings e ON e.title_id = w.title_id) AS centroid,
                               ARRAY(SELECT title_id FROM bookmarks WHERE profile_id = :profile
                                     UNION SELECT title_id FROM ratings WHERE profile_id = :profile
                                     UNION SELECT title_id FROM watchlist WHERE profile_id = :profile) AS seen
                        """)
                .param("profile", profileId)
                .query((rs, n) -> new Taste(Optional.ofNullable(rs.getString("centroid")), Arrays.asList((UUID[])
                        rs.getArray("seen").getArray())))
                .single();
    }

    /** The profile's list, most recently added first. */
    List<UUID> watchlist(UUID profileId, AgeRating ratingLimit, int limit) {
        return jdbc.sql("""
                        SELECT w.title_id FROM watchlist w JOIN titles t ON t.id = w.title_id
                        WHERE w.profile_id = :profile AND %s
                        ORDER BY w.added_at DESC, w.title_id
                        LIMIT :limit
                        """.formatted(RATED))
                .param("profile", profileId)
                .param("ratings", allowedRatings(ratingLimit))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** The titles most recently added to the catalog. */
    List<UUID> newReleases(AgeRating ratingLimit, int limit) {
        return jdbc.sql("""
                        SELECT t.id FROM titles t WHERE %s ORDER BY t.created_at DESC, t.id DESC LIMIT :limit
                        """.formatted(RATED))
                .param("ratings", allowedRatings(ratingLimit))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /**
     * Time-decayed popularity: every profile that watched a title within {@code window} adds
     * {@code exp(−age / decay)}, age counted from its latest bookmark of the title (so a binge of many episodes counts
     * once). Titles nobody watched within the window are left out.
     */
    List<UUID> trending(AgeRating ratingLimit, Instant now, Duration window, Duration decay, int limit) {
        return jdbc.sql("""
                        SELECT v.title_id
                        FROM (SELECT title_id, profile_id, max(updated_at) AS watched_at
                              FROM bookmarks WHERE updated_at > :since
                              GROUP BY title_id, profile_id) v
                        JOIN titles t ON t.id = v.title_id
                        WHERE %s
                        GROUP BY v.title_id
                        ORDER BY sum(exp(-extract(epoch FROM (:now - v.watched_at)) / :decay)) DESC, v.title_id
                        LIMIT :limit
                        """.formatted(RATED))
                .param("since", SqlTime.utc(now.minus(window)))
                .param("now", SqlTime.utc(now))
                .param("decay", (double) decay.toSeconds())
                .param("ratings", allowedRatings(ratingLimit))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /**
     * All-time popularity, for a profile without a taste yet: titles by how many profiles watched them, then newest
     * first, so an empty service still offers its catalog.
     */
    List<UUID> popular(AgeRating ratingLimit, int limit) {
        return jdbc.sql("""
                        SELECT t.id
                        FROM titles t
                        LEFT JOIN (SELECT title_id, count(DISTINCT profile_id) AS viewers
                                   FROM bookmarks GROUP BY title_id) p ON p.title_id = t.id
                        WHERE %s
                        ORDER BY coalesce(p.viewers, 0) DESC, t.created_at DESC, t.id
                        LIMIT :limit
                        """.formatted(RATED))
                .param("ratings", allowedRatings(ratingLimit))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** The genre of most titles the profile watched, and its newest titles. */
    record TopGenre(String name, List<UUID> titleIds) {}

    /**
     * The genre linked to the most distinct titles the profile has bookmarks of (thumbs-down titles not counted; ties
     * by name) and that genre's newest titles. Empty when the profile watched nothing.
     */
    Optional<TopGenre> topGenre(UUID profileId, AgeRating ratingLimit, int limit) {
        record Row(String genre, UUID titleId) {}
        List<Row> rows = jdbc.sql("""
                        WITH top AS (
                            SELECT g.id, g.name
                            FROM bookmarks b
                            JOIN title_genres tg ON tg.title_id = b.title_id
                            JOIN genres g ON g.id = tg.genre_id
                            WHERE b.profile_id = :profile
                              AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.profile_id = :profile
                                              AND r.title_id = b.title_id AND r.rating = -1)
                            GROUP BY g.id, g.name
                            ORDER BY count(DISTINCT b.title_id) DESC, g.name
                            LIMIT 1
                        )
                        SELECT top.name, t.id
                        FROM top
                        JOIN title_genres tg ON tg.genre_id = top.id
                        JOIN titles t ON t.id = tg.title_id
                        WHERE %s
                        ORDER BY t.created_at DESC, t.id DESC
                        LIMIT :limit
                        """.formatted(RATED))
                .param("profile", profileId)
                .param("ratings", allowedRatings(ratingLimit))
                .param("limit", limit)
                .query((rs, n) -> new Row(rs.getString("name"), rs.getObject("id", UUID.class)))
                .list();
        return rows.isEmpty()
                ? Optional.empty()
                : Optional.of(new TopGenre(
                        rows.get(0).genre(), rows.stream().map(Row::titleId).toList()));
    }

    /** The episodes of a series the profile has finished, and the one it watched last (if any). */
    record SeriesProgress(List<UUID> finished, Optional<UUID> lastEpisode) {}

    SeriesProgress seriesProgress(UUID profileId, UUID seriesId) {
        return jdbc.sql("""
                        SELECT ARRAY(SELECT content_id FROM bookmarks
                                     WHERE profile_id = :profile AND title_id = :series AND completed) AS finished,
                               (SELECT content_id FROM bookmarks WHERE profile_id = :profile AND title_id = :series
                                ORDER BY updated_at DESC, id DESC LIMIT 1) AS last_episode
                        """)
                .param("profile", profileId)
                .param("series", seriesId)
                .query((rs, n) -> new SeriesProgress(
                        Arrays.asList((UUID[]) rs.getArray("finished").getArray()),
                        Optional.ofNullable(rs.getObject("last_episode", UUID.class))))
                .single();
    }
}
