package io.marquee.epg.internal;

import io.marquee.epg.internal.Channels.Channel;
import io.marquee.platform.sql.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code schedule_entries}: the programmes of the guide. */
@Repository
class Programmes {

    record Programme(
            UUID id,
            UUID channelId,
            String title,
            String synopsis,
            String genre,
            Instant startTime,
            Instant endTime,
            String ageRating,
            boolean isNew,
            boolean isRepeat,
            String seriesTitle,
            Integer seasonNumber,
            Integer episodeNumber) {}

    /** The editable fields of a programme, all present. */
    record ProgrammeFields(
            UUID channelId,
            String title,
            String synopsis,
            String genre,
            Instant startTime,
            Instant endTime,
            String ageRating,
            boolean isNew,
            boolean isRepeat,
            String seriesTitle,
            Integer seasonNumber,
            Integer episodeNumber) {}

    /** A channel's programme on air and the one after it. */
    record OnAir(Channel channel, Programme current, Programme next) {}

    /**
     * What is on air at {@code at}, by channel number. It stays true until {@code validUntil}: the first moment after
     * {@code at} when a programme starts or ends (or the end of the look-ahead horizon).
     */
    record OnAirNow(Instant at, Instant validUntil, List<OnAir> channels) {

        boolean validAt(Instant now) {
            return !now.isBefore(at) && now.isBefore(validUntil);
        }
    }

    private record OnAirRow(Instant nextChange, Optional<OnAir> onAir) {}

    private static final List<String> PROGRAMME = List.of(
            "id",
            "channel_id",
            "title",
            "synopsis",
            "genre",
            "start_time",
            "end_time",
            "age_rating",
            "is_new",
            "is_repeat",
            "series_title",
            "season_number",
            "episode_number");
    private static final List<String> CHANNEL =
            List.of("id", "name", "channel_number", "logo_url", "genre", "is_hd", "hls_live_url", "created_at");
    private static final String COLUMNS = String.join(", ", PROGRAMME);
    private static final RowMapper<Programme> ROW = (rs, n) -> programme(rs, "");

    private final JdbcClient jdbc;

    Programmes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The channel's programmes overlapping {@code [from, to)} by start time, or empty when there is no such channel:
     * one query, the channel joined to its programmes.
     */
    Optional<List<Programme>> ofChannel(UUID channelId, Instant from, Instant to) {
        List<Optional<Programme>> rows = jdbc.sql("SELECT " + columns(PROGRAMME, "e", "") + """

                        FROM channels c
                        LEFT JOIN schedule_entries e
                          ON e.channel_id = c.id
                         AND tstzrange(e.start_time, e.end_time) && tstzrange(:from, :to)
                        WHERE c.id = :channel
                        ORDER BY e.start_time
                        """)
                .param("channel", channelId)
                .param("from", SqlTime.utc(from))
                .param("to", SqlTime.utc(to))
                .query((rs, n) ->
                        rs.getObject("id") == null ? Optional.<Programme>empty() : Optional.of(programme(rs, "")))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(rows.stream().flatMap(Optional::stream).toList());
    }

    /** The programmes of these channels overlapping {@code [from, to)}, per channel by start time. */
    Map<UUID, List<Programme>> ofChannels(Collection<UUID> channelIds, Instant from, Instant to) {
        List<Programme> rows = jdbc.sql("SELECT " + columns(PROGRAMME, "e", "") + """

                        FROM unnest(CAST(:channels AS uuid[])) AS wanted (channel_id)
                        JOIN schedule_entries e
                          ON e.channel_id = wanted.channel_id
                         AND tstzrange(e.start_time, e.end_time) && tstzrange(:from, :to)
                        ORDER BY e.channel_id, e.start_time
                        """)
                .param("channels", channelIds.toArray(UUID[]::new))
                .param("from", SqlTime.utc(from))
                .param("to", SqlTime.utc(to))
                .query(ROW)
                .list();
        Map<UUID, List<Programme>> byChannel = new HashMap<>();
        rows.forEach(p -> byChannel
                .computeIfAbsent(p.channelId(), id -> new ArrayList<>())
                .add(p));
        return byChannel;
    }

    /**
     * Every channel's current programme and the next one, found with {@code lead()} over the channel's programmes
     * that overlap {@code [at, at + horizon)}: a next programme starting later than that is not shown. One query; it
     * yields one row even when nothing is on air, so that {@code nextChange} is always known.
     */
    OnAirNow onAir(Instant at, Instant horizon) {
        List<OnAirRow> rows = jdbc.sql("""
                        WITH upcoming AS (
                            SELECT e.*, lead(e.id) OVER (PARTITION BY e.channel_id ORDER BY e.start_time) AS next_id
                            FROM schedule_entries e
                            WHERE tstzrange(e.start_time, e.end_time) && tstzrange(:at, :horizon)
                        ),
                        next_start AS (
                            SELECT min(start_time) AS next_change FROM upcoming WHERE start_time > :at
                        )
                        SELECT s.next_change, """ + columns(CHANNEL, "c", "c_") + ", " + columns(PROGRAMME, "cur", "") + ", "
                        + columns(PROGRAMME, "nxt", "n_") + """

                        FROM next_start s
                        LEFT JOIN upcoming cur ON cur.start_time <= :at
                        LEFT JOIN channels c ON c.id = cur.channel_id
                        LEFT JOIN upcoming nxt ON nxt.id = cur.next_id
                        ORDER BY c.channel_number
                        """)
                .param("at", SqlTime.utc(at))
                .param("horizon", SqlTime.utc(horizon))
                .query((rs, n) -> new OnAirRow(
                        instant(rs, "next_change"),
                        rs.getObject("id") == null
                                ? Optional.empty()
                                : Optional.of(new OnAir(
                                        channel(rs, "c_"),
                                        programme(rs, ""),
                                        rs.getObject("n_id") == null ? null : programme(rs, "n_")))))
                .list();
        List<OnAir> channels =
                rows.stream().flatMap(row -> row.onAir().stream()).toList();
        Instant validUntil = Stream.concat(
                        Stream.of(horizon, rows.get(0).nextChange()),
                        channels.stream().map(onAir -> onAir.current().endTime()))
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        return new OnAirNow(at, validUntil, channels);
    }

    /**
     * Programmes whose title contains {@code pattern} (a {@code LIKE} pattern, escaped with {@code \}): those not yet
     * over first, soonest first, then past ones, latest first. {@code allowedRatings}, when given, keeps only
     * programmes rated one of them.
     */
    List<Programme> search(String pattern, List<String> allowedRatings, Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """

                        FROM schedule_entries
                        WHERE title ILIKE :pattern ESCAPE '\\'
                          AND (CAST(:allowed AS text[]) IS NULL OR age_rating = ANY(CAST(:allowed AS text[])))
                        ORDER BY end_time <= :now,
                                 CASE WHEN end_time > :now THEN start_time END,
                                 start_time DESC,
                                 id
                        LIMIT :limit
                        """)
                .param("pattern", pattern)
                .param("allowed", allowedRatings == null ? null : allowedRatings.toArray(String[]::new))
                .param("now", SqlTime.utc(now))
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    Optional<Programme> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM schedule_entries WHERE id = :id")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    /** The row, locked until the end of the transaction. */
    Optional<Programme> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM schedule_entries WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    Programme insert(ProgrammeFields fields) {
        return jdbc.sql("""
                        INSERT INTO schedule_entries (channel_id, title, synopsis, genre, start_time, end_time,
                                                      age_rating, is_new, is_repeat, series_title, season_number,
                                                      episode_number)
                        VALUES (:channel, :title, :synopsis, :genre, :start, :end, :rating, :new, :repeat, :series,
                                :season, :episode)
                        RETURNING\s""" + COLUMNS).params(params(fields)).query(ROW).single();
    }

    Optional<Programme> update(UUID id, ProgrammeFields fields) {
        Map<String, Object> params = params(fields);
        params.put("id", id);
        return jdbc.sql("""
                        UPDATE schedule_entries
                        SET title = :title, synopsis = :synopsis, genre = :genre, start_time = :start,
                            end_time = :end, age_rating = :rating, is_new = :new, is_repeat = :repeat,
                            series_title = :series, season_number = :season, episode_number = :episode
                        WHERE id = :id
                        RETURNING\s""" + COLUMNS).params(params).query(ROW).optional();
    }

    /** The deleted programme, or empty when there was none. */
    Optional<Programme> delete(UUID id) {
        return jdbc.sql("DELETE FROM schedule_entries WHERE id = :id RETURNING " + COLUMNS)
                .param("id", id)
                .query(ROW)
                .optional();
    }

    private static Map<String, Object> params(ProgrammeFields fields) {
        Map<String, Object> params = new HashMap<>();
        params.put("channel", fields.channelId());
        params.put("title", fields.title());
        params.put("synopsis", fields.synopsis());
        params.put("genre", fields.genre());
        params.put("start", SqlTime.utc(fields.startTime()));
        params.put("end", SqlTime.utc(fields.endTime()));
        params.put("rating", fields.ageRating());
        params.put("new", fields.isNew());
        params.put("repeat", fields.isRepeat());
        params.put("series", fields.seriesTitle());
        params.put("season", fields.seasonNumber());
        params.put("episode", fields.episodeNumber());
        return params;
    }

    /** {@code alias.name AS prefixname, …}: the same row type read from several joined tables. */
    private static String columns(List<String> names, String alias, String prefix) {
        return names.stream()
                .map(name -> alias + "." + name + " AS " + prefix + name)
                .collect(Collectors.joining(", "));
    }

    private static Programme programme(ResultSet rs, String prefix) throws SQLException {
        return new Programme(
                rs.getObject(prefix + "id", UUID.class),
                rs.getObject(prefix + "channel_id", UUID.class),
                rs.getString(prefix + "title"),
                rs.getString(prefix + "synopsis"),
                rs.getString(prefix + "genre"),
                instant(rs, prefix + "start_time"),
                instant(rs, prefix + "end_time"),
                rs.getString(prefix + "age_rating"),
                rs.getBoolean(prefix + "is_new"),
                rs.getBoolean(prefix + "is_repeat"),
                rs.getString(prefix + "series_title"),
                rs.getObject(prefix + "season_number", Integer.class),
                rs.getObject(prefix + "episode_number", Integer.class));
    }

    private static Channel channel(ResultSet rs, String prefix) throws SQLException {
        return new Channel(
                rs.getObject(prefix + "id", UUID.class),
                rs.getString(prefix + "name"),
                rs.getInt(prefix + "channel_number"),
                rs.getString(prefix + "logo_url"),
                rs.getString(prefix + "genre"),
                rs.getBoolean(prefix + "is_hd"),
                rs.getString(prefix + "hls_live_url"),
                instant(rs, prefix + "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
