package io.marquee.entitlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.support.Concurrently;
import io.marquee.support.IntegrationTest;
import io.marquee.support.MutableClock;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Entitlement and stream-limit decisions of the playback facade, and the liveness of sessions. */
@IntegrationTest
class PlaybackSessionsIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlaybackSessions sessions;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void contentOutsideTheAccountsPackagesIsRefusedWithThePackagesThatHoldIt() {
        Account viewer = TestAccounts.register(http);
        UUID title = UUID.randomUUID();
        UUID packageId = packageWith(title, 2);

        PlaybackSessions.Start start = sessions.start(viewer.id(), profileOf(viewer), movie(title));

        assertThat(start)
                .isInstanceOfSatisfying(
                        PlaybackSessions.NotEntitled.class,
                        refused -> assertThat(refused.accessOptions())
                                .extracting(AccessOption::packageId)
                                .containsExactly(packageId));
    }

    @Test
    void theStreamLimitCountsOnlyLiveSessions() {
        Account viewer = TestAccounts.register(http);
        UUID title = UUID.randomUUID();
        grant(viewer, packageWith(title, 2));
        UUID profile = profileOf(viewer);

        PlaybackSessions.Started first = (PlaybackSessions.Started) sessions.start(viewer.id(), profile, movie(title));
        assertThat(first.manifestUrl()).isEqualTo("https://cdn.test/" + title + ".m3u8");
        sessions.start(viewer.id(), profile, movie(title));
        assertThat(sessions.start(viewer.id(), profile, movie(title)))
                .isInstanceOfSatisfying(PlaybackSessions.StreamLimitReached.class, full -> {
                    assertThat(full.streamLimit()).isEqualTo(2);
                    assertThat(full.activeSessions()).hasSize(2);
                });

        assertThat(sessions.end(viewer.id(), first.session().sessionId())).isTrue();
        assertThat(sessions.end(viewer.id(), first.session().sessionId())).isFalse();
        assertThat(sessions.start(viewer.id(), profile, movie(title))).isInstanceOf(PlaybackSessions.Started.class);
    }

    @Test
    void aSessionSilentForTwoMinutesStopsCountingAndCannotBeRevived() {
        Account viewer = TestAccounts.register(http);
        UUID title = UUID.randomUUID();
        grant(viewer, packageWith(title, 1));
        UUID profile = profileOf(viewer);
        PlaybackSessions.Started started =
                (PlaybackSessions.Started) sessions.start(viewer.id(), profile, movie(title));
        UUID sessionId = started.session().sessionId();

        clock.advance(Duration.ofSeconds(90));
        assertThat(sessions.heartbeat(viewer.id(), sessionId))
                .hasValueSatisfying(s ->
                        assertThat(s.expiresAt()).isEqualTo(s.lastHeartbeatAt().plusSeconds(120)));
        assertThat(sessions.start(viewer.id(), profile, movie(title)))
                .isInstanceOf(PlaybackSessions.StreamLimitReached.class);

        clock.advance(Duration.ofSeconds(121));
        assertThat(sessions.live(viewer.id())).isEmpty();
        assertThat(sessions.heartbeat(viewer.id(), sessionId)).isEmpty();
        assertThat(sessions.start(viewer.id(), profile, movie(title))).isInstanceOf(PlaybackSessions.Started.class);
    }

    @Test
    void anotherAccountCannotTouchASession() {
        Account viewer = TestAccounts.register(http);
        Account other = TestAccounts.register(http);
        UUID title = UUID.randomUUID();
        grant(viewer, packageWith(title, 1));
        UUID sessionId = ((PlaybackSessions.Started) sessions.start(viewer.id(), profileOf(viewer), movie(title)))
                .session()
                .sessionId();

        assertThat(sessions.heartbeat(other.id(), sessionId)).isEmpty();
        assertThat(sessions.end(other.id(), sessionId)).isFalse();
        assertThat(sessions.live(viewer.id())).hasSize(1);
    }

    @Test
    void twoDevicesStartingAtOnceCannotBothTakeTheLastStream() throws Exception {
        Account viewer = TestAccounts.register(http);
        UUID title = UUID.randomUUID();
        grant(viewer, packageWith(title, 1));
        UUID profile = profileOf(viewer);
        Callable<PlaybackSessions.Start> start = () -> sessions.start(viewer.id(), profile, movie(title));

        List<PlaybackSessions.Start> outcomes = Concurrently.run(List.of(start, start, start));

        assertThat(outcomes)
                .filteredOn(PlaybackSessions.Started.class::isInstance)
                .hasSize(1);
        assertThat(sessions.live(viewer.id())).hasSize(1);
    }

    private static PlayableContent movie(UUID title) {
        return new PlayableContent(ContentKind.MOVIE, title, title, "https://cdn.test/" + title + ".m3u8");
    }

    private UUID profileOf(Account account) {
        return TestAccounts.firstProfileId(http, account);
    }

    private UUID packageWith(UUID title, int maxStreams) {
        UUID packageId = jdbc.sql("""
                        INSERT INTO content_packages (name, tier, max_streams, price_cents)
                        VALUES (:name, 'premium', :streams, 999) RETURNING id
                        """)
                .param("name", "Sessions " + UUID.randomUUID())
                .param("streams", maxStreams)
                .query(UUID.class)
                .single();
        jdbc.sql("INSERT INTO package_contents (package_id, content_type, content_id) VALUES (:p, 'vod_title', :t)")
                .param("p", packageId)
                .param("t", title)
                .update();
        return packageId;
    }

    private void grant(Account account, UUID packageId) {
        jdbc.sql("INSERT INTO user_entitlements (user_id, package_id) VALUES (:u, :p)")
                .param("u", account.id())
                .param("p", packageId)
                .update();
    }
}
