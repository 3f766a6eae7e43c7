package io.marquee.viewing;

import static io.marquee.catalog.CatalogFixtures.invalid;
import static io.marquee.catalog.CatalogFixtures.json;
import static io.marquee.catalog.CatalogFixtures.problem;
import static io.marquee.support.TestAccounts.JSON_MAP;
import static io.marquee.viewing.ViewingFixtures.heartbeatBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.catalog.CatalogFixtures;
import io.marquee.support.Concurrently;
import io.marquee.support.IntegrationTest;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** {@code PUT /viewing/bookmarks}: the playback heartbeat (SPEC §5, PoC §2.6 #6, §3.1). */
@IntegrationTest
class ViewingHeartbeatIT extends ViewingTestBase {

    UUID movie;

    @BeforeEach
    void movie() {
        movie = catalog.title(CatalogFixtures.word() + " Movie", Map.of("age_rating", "TV-14"));
    }

    @Test
    void firstHeartbeatCreatesTheBookmarkAndLaterOnesMoveIt() {
        Map<String, Object> created = viewing.heartbeatOk(viewer, profile, "movie", movie, 600, 6000);
        assertThat(created)
                .containsEntry("content_type", "movie")
                .containsEntry("content_id", movie.toString())
                .containsEntry("position_seconds", 600)
                .containsEntry("duration_seconds", 6000)
                .containsEntry("completed", false)
                .containsEntry("dismissed_at", null)
                .containsEntry("device_type", null)
                .containsEntry("title_info", null)
                .containsKeys("id", "updated_at", "recorded_at");
        assertThat((String) created.get("updated_at")).endsWith("Z");

        clock.advance(Duration.ofSeconds(30));
        Map<String, Object> moved = viewing.heartbeatOk(
                viewer,
                profile,
                json(
                        "content_type",
                        "movie",
                        "content_id",
                        movie,
                        "position_seconds",
                        630,
                        "duration_seconds",
                        6000,
                        "device_type",
                        "tv"));
        assertThat(moved)
                .containsEntry("id", created.get("id"))
                .containsEntry("position_seconds", 630)
                .containsEntry("device_type", "tv");
        assertThat(Instant.parse((String) moved.get("updated_at")))
                .isAfter(Instant.parse((String) created.get("updated_at")));
        assertThat(viewing.getOk(viewer, "/bookmarks/by-content/{c}?profile_id={p}", movie, profile))
                .containsEntry("position_seconds", 630);
    }

    @Test
    void completionFollowsThePercentAndTheRemainingTimeRuleAtTheirEdges() {
        assertCompleted(570, 600, true); // exactly 95 %
        assertCompleted(569, 600, false); // 31 s left, but content of 600 s is not longer than 600 s
        assertCompleted(5700, 6000, true); // exactly 95 %, 300 s left
        assertCompleted(5699, 6000, false);
        assertCompleted(1880, 2000, true); // 120 s left of content longer than 600 s (94 %)
        assertCompleted(1879, 2000, false); // 121 s left
        assertCompleted(481, 601, true); // 120 s left of 601 s
        assertCompleted(480, 601, false);
        assertCompleted(0, 100, false); // short content is not completed by merely starting it
        assertCompleted(95, 100, true);
    }

    private void assertCompleted(int position, int duration, boolean completed) {
        UUID title = catalog.title(CatalogFixtures.word(), Map.of());
        assertThat(viewing.heartbeatOk(viewer, profile, "movie", title, position, duration))
                .as("%d of %d", position, duration)
                .containsEntry("completed", completed);
    }

    @Test
    void heartbeatsDrawOnTheHeartbeatLimitOfTheirProfile() {
        viewing.heartbeat(viewer, profile, heartbeatBody("movie", movie, 10, 100))
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueMatches("RateLimit-Policy", "\"heartbeat\";.*");
    }

    @Test
    void seekingBackUncompletesAndAPositionPastTheEndIsClampedToIt() {
        Map<String, Object> past = viewing.heartbeatOk(viewer, profile, "movie", movie, 9000, 6000);
        assertThat(past).containsEntry("position_seconds", 6000).containsEntry("completed", true);
        assertThat(viewing.heartbeatOk(viewer, profile, "movie", movie, 100, 6000))
                .containsEntry("position_seconds", 100)
                .containsEntry("completed", false);
    }

    @Test
    void theContentMustExistAndBeOfTheSentType() {
        UUID series = catalog.title(CatalogFixtures.word() + " Series", Map.of("title_type", "series"));
        UUID episode = ViewingFixtures.series(catalog, series, 1)[0][0];

        problem(
                viewing.heartbeat(viewer, profile, heartbeatBody("movie", UUID.randomUUID(), 10, 100)),
                HttpStatus.NOT_FOUND,
                "Content not found");
        invalid(viewing.heartbeat(viewer, profile, heartbeatBody("episode", movie, 10, 100)), "content_type");
        invalid(viewing.heartbeat(viewer, profile, heartbeatBody("movie", episode, 10, 100)), "content_type");
        invalid(viewing.heartbeat(viewer, profile, heartbeatBody("movie", series, 10, 100)), "content_type");
        invalid(viewing.heartbeat(viewer, profile, heartbeatBody("episode", series, 10, 100)), "content_type");
        assertThat(viewing.heartbeatOk(viewer, profile, "episode", episode, 10, 100))
                .containsEntry("content_type", "episode");
    }

    @Test
    void anEditOrRemovalOfTheContentAppliesToTheVeryNextHeartbeat() {
        UUID series = catalog.title(CatalogFixtures.word() + " Series", Map.of("title_type", "series"));
        UUID episode = ViewingFixtures.series(catalog, series, 1)[0][0];
        viewing.heartbeatOk(viewer, profile, "movie", movie, 10, 100);
        viewing.heartbeatOk(viewer, profile, "episode", episode, 10, 100);

        catalog.adminCall(
                        http.patch().uri(CatalogFixtures.ADMIN + "/titles/{id}", movie), Map.of("title_type", "series"))
                .expectStatus()
                .isOk();
        invalid(viewing.heartbeat(viewer, profile, heartbeatBody("movie", movie, 20, 100)), "content_type");

        catalog.adminDelete(CatalogFixtures.ADMIN + "/episodes/{id}", episode)
                .expectStatus()
                .is2xxSuccessful();
        problem(
                viewing.heartbeat(viewer, profile, heartbeatBody("episode", episode, 20, 100)),
                HttpStatus.NOT_FOUND,
                "Content not found");
    }

    @Test
    void invalidHeartbeatsAre422NamingTheField() {
        invalid(viewing.heartbeat(viewer, profile, heartbeatBody("show", movie, 10, 100)), "content_type");
        invalid(viewing.heartbeat(viewer, profile, heartbeatBody("movie", movie, -1, 100)), "position_seconds");
        invalid(viewing.heartbeat(viewer, profile, heartbeatBody("movie", movie, 0, 0)), "duration_seconds");
        invalid(viewing.heartbeat(viewer, profile, heartbeatBody("movie", movie, 0, 172_801)), "duration_seconds");
        invalid(
                viewing.heartbeat(viewer, profile, json("content_type", "movie", "position_seconds", 1)),
                "content_id",
                "duration_seconds");
        Map<String, Object> phone = new java.util.HashMap<>(heartbeatBody("movie", movie, 10, 100));
        phone.put("device_type", "phone");
        invalid(viewing.heartbeat(viewer, profile, phone), "device_type");
        Map<String, Object> future = new java.util.HashMap<>(heartbeatBody("movie", movie, 10, 100));
        future.put("recorded_at", clock.instant().plus(Duration.ofMinutes(6)).toString());
        invalid(viewing.heartbeat(viewer, profile, future), "recorded_at");
        future.put("recorded_at", clock.instant().plus(Duration.ofMinutes(4)).toString());
        viewing.heartbeat(viewer, profile, future).expectStatus().isOk();
    }

    @Test
    void aLateHeartbeatIsAnsweredWithTheStoredBookmarkAndChangesNothing() {
        Instant now = clock.instant();
        Map<String, Object> current = viewing.heartbeatOk(viewer, profile, withRecordedAt(1200, now));
        clock.advance(Duration.ofMinutes(1));
        Map<String, Object> late = viewing.heartbeatOk(viewer, profile, withRecordedAt(600, now.minusSeconds(60)));
        assertThat(late).isEqualTo(current);
        assertThat(viewing.getOk(viewer, "/bookmarks/by-content/{c}?profile_id={p}", movie, profile))
                .isEqualTo(current);

        Map<String, Object> newer = viewing.heartbeatOk(viewer, profile, withRecordedAt(1230, now.plusSeconds(30)));
        assertThat(newer).containsEntry("position_seconds", 1230);
        assertThat(Instant.parse((String) newer.get("updated_at")))
                .isAfter(Instant.parse((String) current.get("updated_at")));
    }

    private Map<String, Object> withRecordedAt(int position, Instant recordedAt) {
        Map<String, Object> body = new java.util.HashMap<>(heartbeatBody("movie", movie, position, 6000));
        body.put("recorded_at", recordedAt.toString());
        return body;
    }

    @Test
    void aNewerHeartbeatBringsADismissedBookmarkBack() {
        String id = (String)
                viewing.heartbeatOk(viewer, profile, "movie", movie, 600, 6000).get("id");
        viewing.post(viewer, "/bookmarks/{id}/dismiss?profile_id={p}", id, profile)
                .expectStatus()
                .isOk();
        assertThat(ViewingFixtures.contentIds(viewing.continueWatching(viewer, profile)))
                .isEmpty();

        assertThat(viewing.heartbeatOk(viewer, profile, "movie", movie, 630, 6000))
                .containsEntry("dismissed_at", null);
        assertThat(ViewingFixtures.contentIds(viewing.continueWatching(viewer, profile)))
                .containsExactly(movie.toString());
        assertThat(events.ofType(BookmarkRestored.class))
                .anyMatch(e -> e.contentId().equals(movie));
    }

    @Test
    void completionIsAnnouncedOnceAndAPositionOnlyHeartbeatAnnouncesNothing() {
        viewing.heartbeatOk(viewer, profile, "movie", movie, 600, 6000);
        viewing.heartbeatOk(viewer, profile, "movie", movie, 630, 6000);
        assertThat(events.ofType(BookmarkCompleted.class))
                .noneMatch(e -> e.contentId().equals(movie));
        assertThat(events.ofType(BookmarkRestored.class))
                .noneMatch(e -> e.contentId().equals(movie));

        viewing.heartbeatOk(viewer, profile, "movie", movie, 5900, 6000);
        viewing.heartbeatOk(viewer, profile, "movie", movie, 5950, 6000);
        assertThat(events.ofType(BookmarkCompleted.class))
                .filteredOn(e -> e.contentId().equals(movie))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.profileId()).isEqualTo(profile);
                    assertThat(e.titleId()).isEqualTo(movie);
                    assertThat(e.contentType()).isEqualTo("movie");
                });
    }

    @Test
    void concurrentFirstHeartbeatsAllSucceedAndLeaveOneBookmark() throws Exception {
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int position = 100 + i;
            calls.add(() -> viewing.heartbeat(viewer, profile, heartbeatBody("movie", movie, position, 6000))
                    .returnResult(JSON_MAP)
                    .getStatus()
                    .value());
        }
        assertThat(Concurrently.run(calls)).containsOnly(200);
        assertThat(jdbc.sql("SELECT count(*) FROM bookmarks WHERE profile_id = :p AND content_id = :c")
                        .param("p", profile)
                        .param("c", movie)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void concurrentHeartbeatsOfOneBookmarkKeepTheNewestAndEachIsAnsweredWithAStoredState() throws Exception {
        Instant base = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(1));
        int count = 16;
        List<Callable<Map<String, Object>>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // arrival order differs from recorded_at order: odd ones were recorded early
            int age = i % 2 == 0 ? i : count + i;
            Map<String, Object> body = withRecordedAt(100 + age, base.plusSeconds(age));
            calls.add(() -> viewing.heartbeatOk(viewer, profile, body));
        }
        List<Map<String, Object>> answers = Concurrently.run(calls);

        Map<String, Object> stored = viewing.getOk(viewer, "/bookmarks/by-content/{c}?profile_id={p}", movie, profile);
        int newest = 2 * count - 1;
        assertThat(stored)
                .containsEntry("position_seconds", 100 + newest)
                .containsEntry("recorded_at", base.plusSeconds(newest).toString());
        for (int i = 0; i < count; i++) {
            int age = i % 2 == 0 ? i : count + i;
            Map<String, Object> answer = answers.get(i);
            Instant answeredRecordedAt = Instant.parse((String) answer.get("recorded_at"));
            // its own heartbeat, or a newer one that was stored instead, never an older state
            assertThat(answeredRecordedAt).isAfterOrEqualTo(base.plusSeconds(age));
            assertThat(answer)
                    .containsEntry("id", stored.get("id"))
                    .containsEntry(
                            "position_seconds",
                            100
                                    + (int) Duration.between(base, answeredRecordedAt)
                                            .toSeconds());
        }
        assertThat(answers.get(count - 1)).isEqualTo(stored);
    }

    @Test
    void concurrentHeartbeatsOfManyBookmarksAreEachStoredAndAnsweredWithTheirOwnState() throws Exception {
        List<Account> accounts = new ArrayList<>(List.of(viewer));
        List<UUID> profiles = new ArrayList<>(List.of(profile));
        for (int i = 0; i < 3; i++) {
            Account account = TestAccounts.register(http);
            accounts.add(account);
            profiles.add(TestAccounts.firstProfileId(http, account));
        }
        List<UUID> movies = new ArrayList<>(List.of(movie));
        for (int i = 0; i < 5; i++) {
            movies.add(catalog.title(CatalogFixtures.word() + " Movie", Map.of()));
        }
        List<Callable<Map<String, Object>>> calls = new ArrayList<>();
        for (int a = 0; a < accounts.size(); a++) {
            for (int m = 0; m < movies.size(); m++) {
                Account account = accounts.get(a);
                UUID profileId = profiles.get(a);
                // the last movie is complete: its event comes from the batch's transaction
                Map<String, Object> body =
                        heartbeatBody("movie", movies.get(m), m == movies.size() - 1 ? 5990 : 100 * a + m, 6000);
                calls.add(() -> viewing.heartbeatOk(account, profileId, body));
            }
        }
        List<Map<String, Object>> answers = Concurrently.run(calls);

        for (int a = 0; a < accounts.size(); a++) {
            for (int m = 0; m < movies.size(); m++) {
                Map<String, Object> answer = answers.get(a * movies.size() + m);
                assertThat(answer)
                        .containsEntry("content_id", movies.get(m).toString())
                        .containsEntry("position_seconds", m == movies.size() - 1 ? 5990 : 100 * a + m)
                        .isEqualTo(viewing.getOk(
                                accounts.get(a),
                                "/bookmarks/by-content/{c}?profile_id={p}",
                                movies.get(m),
                                profiles.get(a)));
            }
            UUID profileId = profiles.get(a);
            assertThat(events.ofType(BookmarkCompleted.class))
                    .filteredOn(e -> e.profileId().equals(profileId))
                    .singleElement()
                    .satisfies(e -> assertThat(e.contentId()).isEqualTo(movies.get(movies.size() - 1)));
        }
    }

    @Test
    void aForeignOrUnknownProfileIsRefused() {
        Account other = TestAccounts.register(http);
        UUID foreign = TestAccounts.firstProfileId(http, other);
        for (UUID id : List.of(foreign, UUID.randomUUID())) {
            problem(
                    viewing.heartbeat(viewer, id, heartbeatBody("movie", movie, 10, 100)),
                    HttpStatus.FORBIDDEN,
                    "Profile not found or access denied");
        }
        http.put()
                .uri(ViewingFixtures.VIEWING + "/bookmarks?profile_id={p}", profile)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(heartbeatBody("movie", movie, 10, 100))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }
}
