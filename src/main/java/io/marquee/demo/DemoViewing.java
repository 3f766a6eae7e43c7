package io.marquee.demo;

import io.marquee.platform.sql.SqlTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Demo User's viewing (PoC §4.4): bookmarks in every state, relative to the time of the load (active, an episode
 * with a next episode, active two days ago, stale, dismissed, completed), plus ratings and a watchlist. Each load puts
 * these rows back in that state; other rows of the profile are left alone.
 */
@Component
class DemoViewing {

    static final String EMAIL = "demo@ott.test";
    static final String PROFILE = "Demo User";

    /** The episode bookmark: S1E1 of this series, 82 % watched, so that S1E2 is offered next. */
    static final String SERIES = "Shadow Protocol";

    record DemoBookmark(String movie, int position, int duration, Duration age, boolean dismissed) {}

    static final List<DemoBookmark> MOVIES = List.of(
            new DemoBookmark("Beneath the Skin", 2700, 7200, Duration.ZERO, false),
            new DemoBookmark("Blindside", 1800, 5400, Duration.ofDays(2), false),
            new DemoBookmark("Blood Ledger", 600, 3600, Duration.ofDays(35), false), // stale: paused
            new DemoBookmark("Camp Pinecrest", 300, 6000, Duration.ofDays(2), true), // dismissed: paused
            new DemoBookmark("Iron Frontier", 5700, 6000, Duration.ofDays(1), false), // completed
            new DemoBookmark("Last Light", 1200, 4500, Duration.ZERO, false));

    static final List<String> WATCHLIST = List.of("The Dark Signal", SERIES, "Last Light");

    /** Thumbs up for the first two, down for the last. */
    static final List<String> RATED = List.of("Iron Frontier", "The Dark Signal", "Blindside");

    private final JdbcClient jdbc;
    private final Clock clock;

    DemoViewing(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** After the catalog and the accounts. */
    @Transactional
    void load() {
        UUID profile = jdbc.sql("""
                        SELECT p.id FROM profiles p JOIN users u ON u.id = p.user_id
                        WHERE u.email = :email AND p.name = :name
                        """)
                .param("email", EMAIL)
                .param("name", PROFILE)
                .query(UUID.class)
                .single();
        Instant now = clock.instant();
        for (DemoBookmark movie : MOVIES) {
            UUID id = DemoIds.of("title", movie.movie());
            Instant at = now.minus(movie.age());
            bookmark(profile, "movie", id, id, movie.position(), movie.duration(), at, movie.dismissed() ? at : null);
        }
        UUID series = DemoIds.of("title", SERIES);
        UUID episode = DemoIds.of("episode", SERIES, 1, 1);
        int duration = jdbc.sql("SELECT coalesce(duration_minutes, 45) * 60 FROM episodes WHERE id = :id")
                .param("id", episode)
                .query(Integer.class)
                .single();
        bookmark(profile, "episode", episode, series, (int) (0.82 * duration), duration, now, null);

        for (int i = 0; i < WATCHLIST.size(); i++) {
            jdbc.sql("""
                            INSERT INTO watchlist (profile_id, title_id, added_at) VALUES (:profile, :title, :at)
                            ON CONFLICT DO NOTHING
                            """)
                    .param("profile", profile)
                    .param("title", DemoIds.of("title", WATCHLIST.get(i)))
                    .param("at", SqlTime.utc(now.minus(Duration.ofDays(i + 1))))
                    .update();
        }
        for (int i = 0; i < RATED.size(); i++) {
            jdbc.sql("""
                            INSERT INTO ratings (profile_id, title_id, rating, created_at, updated_at)
                            VALUES (:profile, :title, :rating, :at, :at)
                            ON CONFLICT (profile_id, title_id) DO UPDATE SET rating = excluded.rating
                            """)
                    .param("profile", profile)
                    .param("title", DemoIds.of("title", RATED.get(i)))
                    .param("rating", i < RATED.size() - 1 ? 1 : -1)
                    .param("at", SqlTime.utc(now))
                    .update();
        }
    }

    private void bookmark(
            UUID profile,
            String type,
            UUID content,
            UUID title,
            int position,
            int duration,
            Instant at,
            Instant dismissedAt) {
        boolean completed = position >= 0.95 * duration || (duration > 600 && duration - position <= 120);
        jdbc.sql("""
                        INSERT INTO bookmarks (profile_id, content_type, content_id, title_id, position_seconds,
                                               duration_seconds, completed, dismissed_at, device_type, recorded_at,
                                               updated_at)
                        VALUES (:profile, :type, :content, :title, :position, :duration, :completed, :dismissed, 'web',
                                :at, :at)
                        ON CONFLICT (profile_id, content_id) DO UPDATE SET
                            position_seconds = excluded.position_seconds, duration_seconds = excluded.duration_seconds,
                            completed = excluded.completed, dismissed_at = excluded.dismissed_at,
                            recorded_at = excluded.recorded_at, updated_at = excluded.updated_at
                        """)
                .param("profile", profile)
                .param("type", type)
                .param("content", content)
                .param("title", title)
                .param("position", position)
                .param("duration", duration)
                .param("completed", completed)
                .param("dismissed", SqlTime.utc(dismissedAt))
                .param("at", SqlTime.utc(at))
                .update();
    }
}
