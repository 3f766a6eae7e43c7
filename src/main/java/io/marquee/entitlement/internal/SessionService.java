package io.marquee.entitlement.internal;

import io.marquee.entitlement.ContentKind;
import io.marquee.entitlement.PlayableContent;
import io.marquee.entitlement.PlaybackSessions;
import io.marquee.platform.sql.SqlTime;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class SessionService implements PlaybackSessions {

    private static final String COLUMNS =
            "id AS session_id, profile_id, content_type, content_id, started_at, last_heartbeat_at";

    private record Row(
            UUID sessionId,
            UUID profileId,
            String contentType,
            UUID contentId,
            Instant startedAt,
            Instant lastHeartbeatAt) {}

    private final EntitlementService entitlements;
    private final JdbcClient jdbc;
    private final EntitlementSettings settings;
    private final Clock clock;

    SessionService(EntitlementService entitlements, JdbcClient jdbc, EntitlementSettings settings, Clock clock) {
        this.entitlements = entitlements;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The account's sessions are counted and the new one inserted under a per-account advisory lock, so two devices
     * starting at once cannot both take the last stream.
     */
    @Override
    @Transactional
    public Start start(UUID userId, UUID profileId, PlayableContent content) {
        if (!entitlements.mayPlay(userId, content.kind(), content.grantId())) {
            return new NotEntitled(entitlements.accessOptions(content.kind(), content.grantId()));
        }
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(CAST(:user AS text), 7))")
                .param("user", userId)
                .query()
                .singleRow();
        int limit = entitlements.streamLimit(userId);
        List<Session> live = live(userId);
        if (live.size() >= limit) {
            return new StreamLimitReached(limit, live);
        }
        OffsetDateTime now = SqlTime.utc(clock.instant());
        Row row = jdbc.sql("""
                        INSERT INTO playback_sessions
                            (user_id, profile_id, content_type, content_id, started_at, last_heartbeat_at)
                        VALUES (:user, :profile, :type, :content, :now, :now)
                        RETURNING\s""" + COLUMNS)
                .param("user", userId)
                .param("profile", profileId)
                .param("type", content.kind().value())
                .param("content", content.contentId())
                .param("now", now)
                .query(Row.class)
                .single();
        return new Started(session(row), content.manifestUrl());
    }

    @Override
    @Transactional
    public Optional<Session> heartbeat(UUID userId, UUID sessionId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        UPDATE playback_sessions SET last_heartbeat_at = :now
                        WHERE id = :id AND user_id = :user AND ended_at IS NULL AND last_heartbeat_at > :aliveSince
                        RETURNING\s""" + COLUMNS)
                .param("id", sessionId)
                .param("user", userId)
                .param("now", SqlTime.utc(now))
                .param("aliveSince", SqlTime.utc(now.minus(settings.sessionLiveness())))
                .query(Row.class)
                .optional()
                .map(this::session);
    }

    @Override
    @Transactional
    public boolean end(UUID userId, UUID sessionId) {
        return jdbc.sql("""
                                UPDATE playback_sessions SET ended_at = :now
                                WHERE id = :id AND user_id = :user AND ended_at IS NULL
                                """)
                        .param("id", sessionId)
                        .param("user", userId)
                        .param("now", SqlTime.utc(clock.instant()))
                        .update()
                > 0;
    }

    @Override
    public List<Session> live(UUID userId) {
        return jdbc
                .sql("SELECT " + COLUMNS + """
                         FROM playback_sessions
                        WHERE user_id = :user AND ended_at IS NULL AND last_heartbeat_at > :aliveSince
                        ORDER BY started_at, id
                        """)
                .param("user", userId)
                .param("aliveSince", SqlTime.utc(clock.instant().minus(settings.sessionLiveness())))
                .query(Row.class)
                .list()
                .stream()
                .map(this::session)
                .toList();
    }

    /** Ends every session that has been silent for the liveness window; returns how many. */
    @Transactional
    int endSilent() {
        return jdbc.sql("""
                        UPDATE playback_sessions SET ended_at = last_heartbeat_at + CAST(:liveness AS interval)
                        WHERE ended_at IS NULL AND last_heartbeat_at <= :aliveSince
                        """)
                .param("liveness", settings.sessionLiveness().toSeconds() + " seconds")
                .param("aliveSince", SqlTime.utc(clock.instant().minus(settings.sessionLiveness())))
                .update();
    }

    long countLive() {
        return jdbc.sql("SELECT count(*) FROM playback_sessions WHERE ended_at IS NULL AND last_heartbeat_at > :since")
                .param("since", SqlTime.utc(clock.instant().minus(settings.sessionLiveness())))
                .query(Long.class)
                .single();
    }

    private Session session(Row row) {
        return new Session(
                row.sessionId(),
                row.profileId(),
                ContentKind.parse(row.contentType()).orElseThrow(),
                row.contentId(),
                row.startedAt(),
                row.lastHeartbeatAt(),
                row.lastHeartbeatAt().plus(settings.sessionLiveness()));
    }
}
