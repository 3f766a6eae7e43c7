package io.marquee.viewing.internal;

import io.marquee.platform.sql.SqlTime;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of bookmarks. Every statement is bound to one profile. */
@Repository
class BookmarkRows {

    /** A stored bookmark. */
    record Row(
            UUID id,
            UUID profileId,
            String contentType,
            UUID contentId,
            UUID titleId,
            int positionSeconds,
            int durationSeconds,
            boolean completed,
            Instant dismissedAt,
            String deviceType,
            Instant recordedAt,
            Instant updatedAt) {

        boolean isEpisode() {
            return "episode".equals(contentType);
        }
    }

    /** A heartbeat to store, already validated, clamped and judged. */
    record Heartbeat(
            UUID profileId,
            String contentType,
            UUID contentId,
            UUID titleId,
            int positionSeconds,
            int durationSeconds,
            boolean completed,
            String deviceType,
            Instant recordedAt,
            Instant now) {}

    /**
     * What a heartbeat did: {@code row} is the bookmark after it; {@code applied} is false when the heartbeat was older
     * than the stored one (then {@code row} is the stored state); {@code wasCompleted} / {@code wasDismissed} describe
     * the row before it ({@code false} for a new row).
     */
    record Upserted(Row row, boolean applied, boolean wasCompleted, boolean wasDismissed) {}

    /**
     * A title's latest unfinished bookmark, for continue watching and paused.
     *
     * @param seriesCompleted the profile's completed episodes of the series within the momentum window
     * @param completedEpisodes every episode of the series the profile has completed (never offered as next)
     */
    record Latest(Row row, int seriesCompleted, List<UUID> completedEpisodes) {}

    /** A row before and after a write. */
    record Change(Row before, Row after) {}

    private static final String COLUMNS = """
            id, profile_id, content_type, content_id, title_id, position_seconds, duration_seconds, completed,
            dismissed_at, device_type, recorded_at, updated_at""";

    private static final RowMapper<Row> ROW = (rs, n) -> row(rs);

    private final JdbcClient jdbc;

    BookmarkRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Upserts heartbeats in one statement; the answers are in the order of {@code heartbeats}. Each bookmark is
     * inserted, or updated when its heartbeat is not older than the stored one ({@code recorded_at}); concurrent first
     * heartbeats meet in {@code ON CONFLICT} instead of failing. The rows are locked and read first, so that their
     * previous state (for the completion and restore events) is the one this write replaces, and in key order, so that
     * concurrent batches cannot deadlock.
     *
     * <p>PostgreSQL refuses to touch a row twice in one statement: of heartbeats for the same (profile, content) only
     * the newest is written (by {@code recorded_at}, the later one on a tie, as one after the other would), and the
     * others are answered like late heartbeats, with the bookmark as stored.
     */
    List<Upserted> upsertAll(List<Heartbeat> heartbeats) {
        Map<Key, Heartbeat> newest = new LinkedHashMap<>();
        for (Heartbeat heartbeat : heartbeats) {
            newest.merge(
                    Key.of(heartbeat),
                    heartbeat,
                    (kept, next) -> next.recordedAt().isBefore(kept.recordedAt()) ? kept : next);
        }
        Map<Key, Upserted> results = new HashMap<>();
        write(newest.values()).forEach(upserted -> results.put(Key.of(upserted.row()), upserted));
        List<Key> missing =
                newest.keySet().stream().filter(k -> !results.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            // late heartbeats whose row another transaction inserted after this statement's snapshot
            stored(missing).forEach(row -> results.put(Key.of(row), late(row)));
        }
        List<Upserted> answers = new ArrayList<>(heartbeats.size());
        for (Heartbeat heartbeat : heartbeats) {
            Key key = Key.of(heartbeat);
            Upserted upserted = results.get(key);
            if (upserted == null) {
                throw new IllegalStateException("no bookmark after upserting " + key);
            }
            answers.add(newest.get(key) == heartbeat ? upserted : late(upserted.row()));
        }
        return answers;
    }

    private record Key(UUID profileId, UUID contentId) {

        static Key of(Heartbeat heartbeat) {
            return new Key(heartbeat.profileId(), heartbeat.contentId());
        }

        static Key of(Row row) {
            return new Key(row.profileId(), row.contentId());
        }
    }

    private static Upserted late(Row stored) {
        return new Upserted(stored, false, stored.completed(), stored.dismissedAt() != null);
    }

    /** The upsert of distinct (profile, content) pairs: the rows written, and the locked rows left as they were. */
    private List<Upserted> write(Collection<Heartbeat> heartbeats) {
        int n = heartbeats.size();
        String[] profiles = new String[n];
        String[] types = new String[n];
        String[] contents = new String[n];
        String[] titles = new String[n];
        int[] positions = new int[n];
        int[] durations = new int[n];
        boolean[] completed = new boolean[n];
        String[] devices = new String[n];
        String[] recorded = new String[n];
        String[] now = new String[n];
        int i = 0;
        for (Heartbeat h : heartbeats) {
            profiles[i] = h.profileId().toString();
            types[i] = h.contentType();
            contents[i] = h.contentId().toString();
            titles[i] = h.titleId().toString();
            positions[i] = h.positionSeconds();
            durations[i] = h.durationSeconds();
            completed[i] = h.completed();
            devices[i] = h.deviceType();
            recorded[i] = SqlTime.text(h.recordedAt());
            now[i] = SqlTime.text(h.now());
            i++;
        }
        return jdbc.sql("""
                        WITH input AS (
                            SELECT * FROM unnest(CAST(:profiles AS uuid[]), CAST(:types AS text[]),
                                                 CAST(:contents AS uuid[]), CAST(:titles AS uuid[]),
                                                 CAST(:positions AS int[]), CAST(:durations AS int[]),
                                                 CAST(:completed AS boolean[]), CAST(:devices AS text[]),
                                                 CAST(:recorded AS timestamptz[]), CAST(:now AS timestamptz[]))
                                AS i(profile_id, content_type, content_id, title_id, position_seconds,
                                     duration_seconds, completed, device_type, recorded_at, updated_at)
                        ), previous AS (
                            SELECT b.* FROM bookmarks b
                            WHERE (b.profile_id, b.content_id) IN (SELECT profile_id, content_id FROM input)
                            ORDER BY b.profile_id, b.content_id
                            FOR UPDATE
                        ), written AS (
                            INSERT INTO bookmarks (profile_id, content_type, content_id, title_id, position_seconds,
                                                   duration_seconds, completed, device_type, recorded_at, updated_at)
                            SELECT profile_id, content_type, content_id, title_id, position_seconds, duration_seconds,
                                   completed, device_type, recorded_at, updated_at
                            FROM input
                            -- reads the previous rows before this statement changes them (a row changed by the
                            -- statement itself could no longer be locked and read)
                            WHERE (SELECT count(*) FROM previous) >= 0
                            ORDER BY profile_id, content_id
                            ON CONFLICT (profile_id, content_id) DO UPDATE SET
                                content_type = excluded.content_type,
                                title_id = excluded.title_id,
                                position_seconds = excluded.position_seconds,
                                duration_seconds = excluded.duration_seconds,
                                completed = excluded.completed,
                                dismissed_at = NULL,
                                device_type = excluded.device_type,
                                recorded_at = excluded.recorded_at,
                                updated_at = excluded.updated_at
                            WHERE bookmarks.recorded_at <= excluded.recorded_at
                            RETURNING *
                        )
                        SELECT w.*, true AS applied, coalesce(p.completed, false) AS was_completed,
                               p.dismissed_at IS NOT NULL AS was_dismissed
                        FROM written w
                        LEFT JOIN previous p ON p.profile_id = w.profile_id AND p.content_id = w.content_id
                        UNION ALL
                        -- late heartbeats: the locked row stays as it is
                        SELECT p.*, false, p.completed, p.dismissed_at IS NOT NULL
                        FROM previous p
                        WHERE NOT EXISTS (
                            SELECT 1 FROM written w WHERE w.profile_id = p.profile_id AND w.content_id = p.content_id)
                        """)
                .param("profiles", profiles)
                .param("types", types)
                .param("contents", contents)
                .param("titles", titles)
                .param("positions", positions)
                .param("durations", durations)
                .param("completed", completed)
                .param("devices", devices)
                .param("recorded", recorded)
                .param("now", now)
                .query((rs, rowNum) -> new Upserted(
                        row(rs),
                        rs.getBoolean("applied"),
                        rs.getBoolean("was_completed"),
                        rs.getBoolean("was_dismissed")))
                .list();
    }

    private List<Row> stored(List<Key> keys) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM bookmarks
                        WHERE (profile_id, content_id) IN (
                            SELECT * FROM unnest(CAST(:profiles AS uuid[]), CAST(:contents AS uuid[])))
                        """)
                .param(
                        "profiles",
                        keys.stream().map(k -> k.profileId().toString()).toArray(String[]::new))
                .param(
                        "contents",
                        keys.stream().map(k -> k.contentId().toString()).toArray(String[]::new))
                .query(ROW)
                .list();
    }

    Optional<Row> byContent(UUID profileId, UUID contentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bookmarks WHERE profile_id = :profile AND content_id = :content")
                .param("profile", profileId)
                .param("content", contentId)
                .query(ROW)
                .optional();
    }

    /** Sets or clears {@code dismissed_at} (and refreshes {@code updated_at}); the row before and after. */
    Optional<Change> setDismissed(UUID profileId, UUID bookmarkId, Instant dismissedAt, Instant now) {
        return jdbc.sql("""
                        WITH previous AS (
                            SELECT id, dismissed_at, updated_at FROM bookmarks
                            WHERE id = :id AND profile_id = :profile
                            FOR UPDATE
                        )
                        UPDATE bookmarks b SET dismissed_at = :dismissed, updated_at = :now
                        FROM previous p
                        WHERE b.id = p.id
                        RETURNING b.*, p.dismissed_at AS previous_dismissed_at, p.updated_at AS previous_updated_at
                        """)
                .param("id", bookmarkId)
                .param("profile", profileId)
                .param("dismissed", SqlTime.utc(dismissedAt))
                .param("now", SqlTime.utc(now))
                .query((rs, n) -> {
                    Row after = row(rs);
                    Row before = new Row(
                            after.id(),
                            after.profileId(),
                            after.contentType(),
                            after.contentId(),
                            after.titleId(),
                            after.positionSeconds(),
                            after.durationSeconds(),
                            after.completed(),
                            instant(rs, "previous_dismissed_at"),
                            after.deviceType(),
                            after.recordedAt(),
                            instant(rs, "previous_updated_at"));
                    return new Change(before, after);
                })
                .optional();
    }

    /**
     * Each title's latest unfinished bookmark (so one item per series), newest first, at most {@code limit}; with the
     * profile's completed episodes of the series for momentum and next-episode skipping.
     *
     * @param paused {@code false}: the active ones (not dismissed, touched since {@code staleBefore}); {@code true}:
     *     the paused ones (dismissed, or untouched since then), by {@code coalesce(dismissed_at, updated_at)}
     */
    List<Latest> latestPerTitle(UUID profileId, boolean paused, Instant staleBefore, Instant momentumSince, int limit) {
        String state = paused
                ? "(l.dismissed_at IS NOT NULL OR l.updated_at < :stale)"
                : "(l.dismissed_at IS NULL AND l.updated_at >= :stale)";
        String order =
                paused ? "coalesce(l.dismissed_at, l.updated_at) DESC, l.id DESC" : "l.updated_at DESC, l.id DESC";
        return jdbc.sql("""
                        SELECT l.*,
                               (SELECT count(*) FROM bookmarks c
                                WHERE c.profile_id = l.profile_id AND c.title_id = l.title_id AND c.completed
                                  AND c.content_type = 'episode' AND c.updated_at > :momentum) AS series_completed,
                               ARRAY(SELECT c.content_id FROM bookmarks c
                                     WHERE c.profile_id = l.profile_id AND c.title_id = l.title_id AND c.completed
                                       AND c.content_type = 'episode') AS completed_episodes
                        FROM (
                            SELECT DISTINCT ON (b.title_id) b.*
                            FROM bookmarks b
                            WHERE b.profile_id = :profile AND NOT b.completed
                            ORDER BY b.title_id, b.updated_at DESC, b.id DESC
                        ) l
                        WHERE %s
                        ORDER BY %s
                        LIMIT :limit
                        """.formatted(state, order))
                .param("profile", profileId)
                .param("stale", SqlTime.utc(staleBefore))
                .param("momentum", SqlTime.utc(momentumSince))
                .param("limit", limit)
                .query((rs, n) ->
                        new Latest(row(rs), rs.getInt("series_completed"), uuids(rs.getArray("completed_episodes"))))
                .list();
    }

    /**
     * A page of the profile's history (every bookmark, finished or not), newest first; {@code ratings} {@code null}
     * for no parental filter, else the allowed age ratings of the bookmark's title.
     */
    List<Row> history(UUID profileId, String[] ratings, int limit, long offset) {
        return jdbc.sql("""
                        SELECT b.* FROM bookmarks b JOIN titles t ON t.id = b.title_id
                        WHERE b.profile_id = :profile
                          AND (CAST(:ratings AS text[]) IS NULL OR t.age_rating = ANY(CAST(:ratings AS text[])))
                        ORDER BY b.updated_at DESC, b.id DESC
                        LIMIT :limit OFFSET :offset
                        """)
                .param("profile", profileId)
                .param("ratings", ratings)
                .param("limit", limit)
                .param("offset", offset)
                .query(ROW)
                .list();
    }

    long historyCount(UUID profileId, String[] ratings) {
        return jdbc.sql("""
                        SELECT count(*) FROM bookmarks b JOIN titles t ON t.id = b.title_id
                        WHERE b.profile_id = :profile
                          AND (CAST(:ratings AS text[]) IS NULL OR t.age_rating = ANY(CAST(:ratings AS text[])))
                        """)
                .param("profile", profileId)
                .param("ratings", ratings)
                .query(Long.class)
                .single();
    }

    /** Deletes the bookmark of a movie or episode, or every bookmark of a series; the content ids deleted. */
    List<UUID> deleteHistory(UUID profileId, UUID contentOrSeriesId) {
        return jdbc.sql("""
                        DELETE FROM bookmarks
                        WHERE profile_id = :profile AND (content_id = :id OR (content_type = 'episode' AND title_id = :id))
                        RETURNING content_id
                        """)
                .param("profile", profileId)
                .param("id", contentOrSeriesId)
                .query(UUID.class)
                .list();
    }

    /** An episode left the catalog: its bookmarks point at nothing any more. */
    int deleteContent(UUID contentId) {
        return jdbc.sql("DELETE FROM bookmarks WHERE content_id = :id")
                .param("id", contentId)
                .update();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("profile_id", UUID.class),
                rs.getString("content_type"),
                rs.getObject("content_id", UUID.class),
                rs.getObject("title_id", UUID.class),
                rs.getInt("position_seconds"),
                rs.getInt("duration_seconds"),
                rs.getBoolean("completed"),
                instant(rs, "dismissed_at"),
                rs.getString("device_type"),
                instant(rs, "recorded_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }
}
