package io.marquee.viewing.internal;

import io.marquee.catalog.EpisodePublished;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A new episode of a series reaches, as a {@code new_episode} event, every profile that has the series in its
 * watchlist or its history (SPEC §5).
 */
@Component
class NewEpisodeNotifications {

    private final JdbcClient jdbc;
    private final SyncEvents sync;
    private final Clock clock;

    NewEpisodeNotifications(JdbcClient jdbc, SyncEvents sync, Clock clock) {
        this.jdbc = jdbc;
        this.sync = sync;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(EpisodePublished event) {
        List<UUID> profiles = jdbc.sql("""
                        SELECT profile_id FROM watchlist WHERE title_id = :series
                        UNION
                        SELECT DISTINCT profile_id FROM bookmarks WHERE title_id = :series
                        """)
                .param("series", event.seriesId())
                .query(UUID.class)
                .list();
        Instant now = clock.instant();
        sync.publishAfterCommit(profiles.stream()
                .map(profile -> new SyncEvents.Outgoing(profile, "new_episode", event.episodeId(), null, null, now))
                .toList());
    }
}
