package io.marquee.viewing;

import static io.marquee.catalog.CatalogFixtures.problem;
import static io.marquee.support.TestAccounts.JSON_MAP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marquee.MarqueeApplication;
import io.marquee.catalog.CatalogFixtures;
import io.marquee.support.IntegrationTest;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Cross-device sync (SPEC §5): a second application instance on the same database and Redis delivers what the first
 * one wrote; streams resume from {@code Last-Event-ID}; header or single-use ticket authentication; the stream cap.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewingSyncIT {

    static final Duration PATIENCE = Duration.ofSeconds(10);

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    ConfigurableApplicationContext secondInstance;
    int secondPort;

    CatalogFixtures catalog;
    ViewingFixtures viewing;
    Account viewer;
    UUID profile;
    UUID movie;

    @BeforeAll
    void startSecondInstance() {
        secondInstance = new SpringApplicationBuilder(MarqueeApplication.class)
                .profiles("test")
                .run("--server.port=0"); // an argument: default properties lose to application.yml's port
        secondPort =
                ((WebServerApplicationContext) secondInstance).getWebServer().getPort();
    }

    @AfterAll
    void stopSecondInstance() {
        secondInstance.close();
    }

    @BeforeEach
    void setUp() {
        catalog = new CatalogFixtures(http, jdbc);
        viewing = new ViewingFixtures(http);
        viewer = TestAccounts.register(http);
        profile = TestAccounts.firstProfileId(http, viewer);
        movie = catalog.title(CatalogFixtures.word() + " Movie", Map.of());
    }

    String events(int instancePort, UUID profileId) {
        return "http://localhost:" + instancePort + "/api/v1/viewing/events?profile_id=" + profileId;
    }

    @Test
    void aChangeOnOneInstanceReachesStreamsOnEveryInstanceAndResumesFromTheLastEventId() {
        List<SseClient.Event> seen;
        try (SseClient other = SseClient.open(events(secondPort, profile), "Authorization", viewer.bearer());
                SseClient same = SseClient.open(events(port, profile), "Authorization", viewer.bearer())) {
            assertThat(other.status()).isEqualTo(200);
            assertThat(other.contentType()).startsWith("text/event-stream");
            viewing.heartbeatOk(viewer, profile, "movie", movie, 600, 6000);
            viewing.heartbeatOk(viewer, profile, "movie", movie, 630, 6000);
            String id = (String) viewing.heartbeatOk(viewer, profile, "movie", movie, 660, 6000)
                    .get("id");
            viewing.post(viewer, "/bookmarks/{id}/dismiss?profile_id={p}", id, profile)
                    .expectStatus()
                    .isOk();

            await().atMost(PATIENCE)
                    .until(() -> other.events().size() == 4 && same.events().size() == 4);
            seen = other.events();
            assertThat(seen)
                    .extracting(SseClient.Event::type)
                    .containsExactly("bookmark_updated", "bookmark_updated", "bookmark_updated", "bookmark_dismissed");
            assertThat(seen.get(0).data())
                    .containsEntry("id", seen.get(0).id())
                    .containsEntry("type", "bookmark_updated")
                    .containsEntry("content_id", movie.toString())
                    .containsEntry("position_seconds", 600)
                    .containsEntry("completed", false)
                    .containsKey("updated_at");
            assertThat(same.events())
                    .extracting(SseClient.Event::id)
                    .isEqualTo(seen.stream().map(SseClient.Event::id).toList());
            await().atMost(PATIENCE).until(() -> other.comments().contains("keep-alive"));
        }

        try (SseClient resumed = SseClient.open(
                events(secondPort, profile),
                "Authorization",
                viewer.bearer(),
                "Last-Event-ID",
                seen.get(1).id())) {
            await().atMost(PATIENCE).until(() -> resumed.events().size() == 2);
            assertThat(resumed.events())
                    .extracting(SseClient.Event::id)
                    .containsExactly(seen.get(2).id(), seen.get(3).id());
        }
    }

    @Test
    void aProfileOnlyHearsItsOwnEvents() {
        UUID second = catalog.profile(viewer, "TV-MA");
        try (SseClient stream = SseClient.open(events(port, second), "Authorization", viewer.bearer())) {
            viewing.heartbeatOk(viewer, profile, "movie", movie, 600, 6000);
            viewing.heartbeatOk(viewer, second, "movie", movie, 60, 6000);
            await().atMost(PATIENCE).until(() -> !stream.events().isEmpty());
            assertThat(stream.events())
                    .singleElement()
                    .satisfies(e -> assertThat(e.data()).containsEntry("position_seconds", 60));
        }
    }

    @Test
    void aTicketOpensOneStreamOnceAndNoCallerOrAForeignProfileIsRefused() {
        String ticket = (String) viewing.post(viewer, "/events/ticket?profile_id={p}", profile)
                .expectStatus()
                .isOk()
                .returnResult(JSON_MAP)
                .getResponseBody()
                .get("ticket");
        String url = "http://localhost:" + secondPort + "/api/v1/viewing/events?ticket=" + ticket;
        try (SseClient stream = SseClient.open(url)) {
            assertThat(stream.status()).isEqualTo(200);
            viewing.heartbeatOk(viewer, profile, "movie", movie, 600, 6000);
            await().atMost(PATIENCE).until(() -> stream.events().size() == 1);
        }
        try (SseClient again = SseClient.open(url)) {
            assertThat(again.status()).isEqualTo(401);
        }
        try (SseClient forged = SseClient.open(events(port, profile).replace("profile_id=" + profile, "ticket=x"))) {
            assertThat(forged.status()).isEqualTo(401);
        }
        try (SseClient anonymous = SseClient.open(events(port, profile))) {
            assertThat(anonymous.status()).isEqualTo(401);
        }
        Account other = TestAccounts.register(http);
        try (SseClient foreign = SseClient.open(events(port, profile), "Authorization", other.bearer())) {
            assertThat(foreign.status()).isEqualTo(403);
        }
        problem(
                viewing.post(other, "/events/ticket?profile_id={p}", profile),
                HttpStatus.FORBIDDEN,
                "Profile not found or access denied");
    }

    @Test
    void anAccountHoldsAtMostTenStreamsAcrossInstances() {
        List<SseClient> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                SseClient stream = SseClient.open(
                        events(i % 2 == 0 ? port : secondPort, profile), "Authorization", viewer.bearer());
                streams.add(stream);
                assertThat(stream.status()).isEqualTo(200);
            }
            try (SseClient eleventh = SseClient.open(events(port, profile), "Authorization", viewer.bearer())) {
                assertThat(eleventh.status()).isEqualTo(429);
            }
        } finally {
            streams.forEach(SseClient::close);
        }
    }

    @Test
    void signingOutEverywhereClosesTheAccountsStreamsOnEveryInstance() {
        try (SseClient stream = SseClient.open(events(secondPort, profile), "Authorization", viewer.bearer())) {
            assertThat(stream.status()).isEqualTo(200);
            http.post()
                    .uri("/api/v1/auth/logout-all")
                    .header("Authorization", viewer.bearer())
                    .exchange()
                    .expectStatus()
                    .is2xxSuccessful();
            await().atMost(PATIENCE).until(stream::ended);
        }
    }

    @Test
    void signingOutOneDeviceClosesOnlyTheStreamsOfThatSignIn() {
        Account otherDevice = TestAccounts.login(http, viewer.email());
        try (SseClient leaving = SseClient.open(events(secondPort, profile), "Authorization", viewer.bearer());
                SseClient staying = SseClient.open(events(port, profile), "Authorization", otherDevice.bearer())) {
            assertThat(leaving.status()).isEqualTo(200);
            http.post()
                    .uri("/api/v1/auth/logout")
                    .header("Authorization", viewer.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("refresh_token", viewer.refreshToken()))
                    .exchange()
                    .expectStatus()
                    .isNoContent();
            await().atMost(PATIENCE).until(leaving::ended);

            viewing.heartbeatOk(otherDevice, profile, "movie", movie, 90, 6000);
            await().atMost(PATIENCE)
                    .until(() -> staying.events().stream()
                            .anyMatch(e -> movie.toString().equals(e.data().get("content_id"))));
            assertThat(staying.ended()).isFalse();
        }
    }

    @Test
    void aNewEpisodeReachesProfilesWithTheSeriesInTheirWatchlistOrHistory() {
        UUID series = catalog.title(CatalogFixtures.word() + " Series", Map.of("title_type", "series"));
        UUID season = catalog.season(series, 1);
        UUID first = catalog.episode(season, 1, Map.of());
        Account watcher = TestAccounts.register(http);
        UUID watcherProfile = TestAccounts.firstProfileId(http, watcher);
        viewing.post(viewer, "/watchlist/{t}?profile_id={p}", series, profile)
                .expectStatus()
                .isCreated();
        viewing.heartbeatOk(watcher, watcherProfile, "episode", first, 60, 2400);
        try (SseClient listed = SseClient.open(events(port, profile), "Authorization", viewer.bearer());
                SseClient watched =
                        SseClient.open(events(secondPort, watcherProfile), "Authorization", watcher.bearer())) {
            UUID second = catalog.episode(season, 2, Map.of());
            for (SseClient stream : List.of(listed, watched)) {
                await().atMost(PATIENCE)
                        .until(() -> stream.events().stream()
                                .anyMatch(e -> "new_episode".equals(e.type())
                                        && second.toString().equals(e.data().get("content_id"))));
            }
        }
    }
}
