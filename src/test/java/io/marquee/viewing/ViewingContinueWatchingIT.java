package io.marquee.viewing;

import static io.marquee.catalog.CatalogFixtures.items;
import static io.marquee.catalog.CatalogFixtures.problem;
import static io.marquee.viewing.ViewingFixtures.contentIds;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.catalog.CatalogFixtures;
import io.marquee.support.IntegrationTest;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Continue watching, paused, dismiss / restore and by-content (PoC §2.6 #1–5, §3.2–3.4). */
@IntegrationTest
class ViewingContinueWatchingIT extends ViewingTestBase {

    UUID movie(String rating) {
        return catalog.title(CatalogFixtures.word() + " Movie", Map.of("age_rating", rating));
    }

    @Test
    void anUntouchedBookmarkTurnsStaleAfter30DaysAndRestoreRevivesIt() {
        UUID movie = movie("TV-14");
        String id = (String)
                viewing.heartbeatOk(viewer, profile, "movie", movie, 600, 6000).get("id");

        clock.advance(Duration.ofDays(29));
        viewer = TestAccounts.login(http, viewer.email()); // access tokens last 15 minutes of the moved clock
        assertThat(contentIds(viewing.continueWatching(viewer, profile))).containsExactly(movie.toString());
        assertThat(items(viewing.paused(viewer, profile))).isEmpty();

        clock.advance(Duration.ofDays(2));
        viewer = TestAccounts.login(http, viewer.email());
        assertThat(items(viewing.continueWatching(viewer, profile))).isEmpty();
        Map<String, Object> paused = viewing.paused(viewer, profile);
        assertThat(paused).containsEntry("total", 1);
        assertThat(items(paused).get(0))
                .containsEntry("id", id)
                .containsEntry("dismissed_at", null)
                .containsEntry("resumption_score", null)
                .containsEntry("next_episode", null);

        Map<String, Object> restored = viewing.post(viewer, "/bookmarks/{id}/restore?profile_id={p}", id, profile)
                .expectStatus()
                .isOk()
                .returnResult(TestAccounts.JSON_MAP)
                .getResponseBody();
        assertThat(Instant.parse((String) restored.get("updated_at")))
                .isAfter(clock.instant().minusSeconds(60));
        assertThat(contentIds(viewing.continueWatching(viewer, profile))).containsExactly(movie.toString());
        assertThat(items(viewing.paused(viewer, profile))).isEmpty();
        assertThat(events.ofType(BookmarkRestored.class))
                .anyMatch(e -> e.contentId().equals(movie));
    }

    @Test
    void dismissMovesABookmarkToPausedUntilRestored() {
        UUID first = movie("TV-14");
        UUID second = movie("TV-14");
        String firstId = (String)
                viewing.heartbeatOk(viewer, profile, "movie", first, 600, 6000).get("id");
        clock.advance(Duration.ofMinutes(1));
        viewing.heartbeatOk(viewer, profile, "movie", second, 600, 6000);
        assertThat(viewing.continueWatching(viewer, profile)).containsEntry("total", 2);

        Map<String, Object> dismissed = viewing.post(viewer, "/bookmarks/{id}/dismiss?profile_id={p}", firstId, profile)
                .expectStatus()
                .isOk()
                .returnResult(TestAccounts.JSON_MAP)
                .getResponseBody();
        assertThat(dismissed.get("dismissed_at")).isNotNull();
        assertThat(contentIds(viewing.continueWatching(viewer, profile))).containsExactly(second.toString());
        assertThat(contentIds(viewing.paused(viewer, profile))).containsExactly(first.toString());
        assertThat(events.ofType(BookmarkDismissed.class))
                .anyMatch(e -> e.contentId().equals(first));

        viewing.post(viewer, "/bookmarks/{id}/restore?profile_id={p}", firstId, profile)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.dismissed_at")
                .isEmpty();
        assertThat(contentIds(viewing.continueWatching(viewer, profile)))
                .containsExactlyInAnyOrder(first.toString(), second.toString());
        assertThat(items(viewing.paused(viewer, profile))).isEmpty();
    }

    @Test
    void anotherProfilesBookmarkIsNotFoundAndAMissingBookmarkIsNull() {
        UUID movie = movie("TV-14");
        Account other = TestAccounts.register(http);
        UUID otherProfile = TestAccounts.firstProfileId(http, other);
        String othersBookmark = (String) viewing.heartbeatOk(other, otherProfile, "movie", movie, 600, 6000)
                .get("id");
        for (String action : List.of("dismiss", "restore")) {
            problem(
                    viewing.post(viewer, "/bookmarks/{id}/" + action + "?profile_id={p}", othersBookmark, profile),
                    HttpStatus.NOT_FOUND,
                    "Bookmark not found or doesn't belong to profile");
        }
        viewing.get(viewer, "/bookmarks/by-content/{c}?profile_id={p}", movie, profile)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo("null");
        assertThat(viewing.getOk(other, "/bookmarks/by-content/{c}?profile_id={p}", movie, otherProfile))
                .containsEntry("id", othersBookmark);
    }

    @Test
    void completedBookmarksAreInNeitherListButByContentStillFindsThem() {
        UUID movie = movie("TV-14");
        viewing.heartbeatOk(viewer, profile, "movie", movie, 5990, 6000);
        assertThat(items(viewing.continueWatching(viewer, profile))).isEmpty();
        assertThat(items(viewing.paused(viewer, profile))).isEmpty();
        assertThat(viewing.getOk(viewer, "/bookmarks/by-content/{c}?profile_id={p}", movie, profile))
                .containsEntry("completed", true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSeriesShowsOnceWithItsLatestEpisodeAndTheNextUnfinishedOneAcrossSeasons() {
        String name = CatalogFixtures.word() + " Saga";
        UUID series = catalog.title(name, Map.of("title_type", "series", "age_rating", "TV-14"));
        UUID[][] episodes = ViewingFixtures.series(catalog, series, 2, 3);
        viewing.heartbeatOk(viewer, profile, "episode", episodes[0][0], 600, 2400);
        clock.advance(Duration.ofMinutes(1));
        viewing.heartbeatOk(viewer, profile, "episode", episodes[1][0], 2400, 2400); // S2E1 finished
        clock.advance(Duration.ofMinutes(1));
        viewing.heartbeatOk(viewer, profile, "episode", episodes[0][1], 1200, 2400); // S1E2 in progress

        Map<String, Object> list = viewing.continueWatching(viewer, profile);
        assertThat(list).containsEntry("total", 1);
        Map<String, Object> item = items(list).get(0);
        assertThat(item)
                .containsEntry("content_type", "episode")
                .containsEntry("content_id", episodes[0][1].toString())
                .containsEntry("progress_percent", 50.0);
        assertThat((Map<String, Object>) item.get("title_info"))
                .containsEntry("id", series.toString())
                .containsEntry("title", name)
                .containsEntry("title_type", "series")
                .containsEntry("episode_title", "S1E2")
                .containsEntry("season_number", 1)
                .containsEntry("episode_number", 2)
                .containsEntry("entitled", false);
        // S2E1 comes next across the season boundary, but it is finished: S2E2
        assertThat((Map<String, Object>) item.get("next_episode"))
                .containsEntry("episode_id", episodes[1][1].toString())
                .containsEntry("season_number", 2)
                .containsEntry("episode_number", 2)
                .containsEntry("episode_title", "S2E2");

        // the last episode has no next one
        clock.advance(Duration.ofMinutes(1));
        viewing.heartbeatOk(viewer, profile, "episode", episodes[1][2], 100, 2400);
        Map<String, Object> last =
                items(viewing.continueWatching(viewer, profile)).get(0);
        assertThat(last).containsEntry("content_id", episodes[1][2].toString()).containsEntry("next_episode", null);
    }

    @Test
    void aMovieHasTitleInfoWithoutEpisodeFields() {
        UUID movie =
                catalog.title(CatalogFixtures.word() + " Film", Map.of("age_rating", "TV-G", "release_year", 2021));
        viewing.heartbeatOk(viewer, profile, "movie", movie, 2700, 7200);
        Map<String, Object> item =
                items(viewing.continueWatching(viewer, profile)).get(0);
        assertThat(item).containsEntry("progress_percent", 37.5).containsEntry("next_episode", null);
        assertThat(item.get("title_info"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("title_type", "movie")
                .containsEntry("release_year", 2021)
                .containsEntry("age_rating", "TV-G")
                .containsEntry("episode_title", null)
                .containsEntry("season_number", null)
                .containsEntry("episode_number", null);
    }

    @Test
    void limitKeepsTheMostRecentAndTheListsFollowTheParentalRating() {
        UUID kids = catalog.profile(viewer, "TV-PG");
        UUID family = movie("TV-G");
        UUID mature = movie("TV-MA");
        UUID unrated = catalog.title(CatalogFixtures.word() + " Unrated", Map.of());
        for (UUID movie : List.of(family, mature, unrated)) {
            viewing.heartbeatOk(viewer, kids, "movie", movie, 600, 6000);
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(contentIds(viewing.continueWatching(viewer, kids))).containsExactly(family.toString());
        assertThat(contentIds(viewing.getOk(viewer, "/history?profile_id={p}", kids)))
                .containsExactly(family.toString());

        for (UUID movie : List.of(family, mature, unrated)) {
            viewing.heartbeatOk(viewer, profile, "movie", movie, 600, 6000);
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(contentIds(viewing.continueWatching(viewer, profile)))
                .containsExactly(unrated.toString(), mature.toString(), family.toString());
        assertThat(contentIds(viewing.getOk(viewer, "/continue-watching?profile_id={p}&limit=2", profile)))
                .containsExactly(unrated.toString(), mature.toString());

        for (String bad : List.of("limit=0", "limit=21", "device_type=phone", "hour_of_day=24", "hour_of_day=-1")) {
            CatalogFixtures.invalid(
                    viewing.get(viewer, "/continue-watching?profile_id={p}&" + bad, profile), bad.split("=")[0]);
        }
    }
}
