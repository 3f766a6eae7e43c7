package io.marquee.viewing;

import static io.marquee.catalog.CatalogFixtures.items;
import static io.marquee.catalog.CatalogFixtures.json;
import static io.marquee.catalog.CatalogFixtures.problem;
import static io.marquee.support.TestAccounts.JSON_MAP;
import static io.marquee.viewing.ViewingFixtures.contentIds;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.catalog.CatalogFixtures;
import io.marquee.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Watchlist, ratings and history (PoC §2.6 #7–11, SPEC §5). */
@IntegrationTest
class ViewingLibraryIT extends ViewingTestBase {

    @Test
    void watchlistAddsOnceListsNewestFirstAndRemovesIdempotently() {
        UUID movie =
                catalog.title(CatalogFixtures.word() + " Movie", Map.of("age_rating", "TV-G", "release_year", 1999));
        UUID series = catalog.title(CatalogFixtures.word() + " Series", Map.of("title_type", "series"));

        viewing.post(viewer, "/watchlist/{t}?profile_id={p}", movie, profile)
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Added to watchlist");
        viewing.post(viewer, "/watchlist/{t}?profile_id={p}", movie, profile)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Already in watchlist");
        clock.advance(Duration.ofMinutes(1));
        viewing.post(viewer, "/watchlist/{t}?profile_id={p}", series, profile)
                .expectStatus()
                .isCreated();
        assertThat(events.ofType(WatchlistChanged.class))
                .filteredOn(e -> e.titleId().equals(movie))
                .containsExactly(new WatchlistChanged(profile, movie, true));

        Map<String, Object> list = viewing.getOk(viewer, "/watchlist?profile_id={p}", profile);
        assertThat(list).containsEntry("total", 2);
        assertThat(CatalogFixtures.field(list, "title_id")).containsExactly(series.toString(), movie.toString());
        assertThat(items(list).get(1).get("title_info"))
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("id", movie.toString())
                .containsEntry("title_type", "movie")
                .containsEntry("release_year", 1999)
                .containsEntry("age_rating", "TV-G");
        assertThat(items(list).get(1).get("added_at")).asString().endsWith("Z");

        for (int i = 0; i < 2; i++) {
            viewing.delete(viewer, "/watchlist/{t}?profile_id={p}", movie, profile)
                    .expectStatus()
                    .isNoContent();
        }
        assertThat(CatalogFixtures.field(viewing.getOk(viewer, "/watchlist?profile_id={p}", profile), "title_id"))
                .containsExactly(series.toString());
        assertThat(events.ofType(WatchlistChanged.class))
                .filteredOn(e -> e.titleId().equals(movie))
                .containsExactly(
                        new WatchlistChanged(profile, movie, true), new WatchlistChanged(profile, movie, false));
    }

    @Test
    void watchlistAndRatingsTakeTitlesOnly() {
        UUID series = catalog.title(CatalogFixtures.word() + " Series", Map.of("title_type", "series"));
        UUID episode = ViewingFixtures.series(catalog, series, 1)[0][0];
        for (UUID unknown : List.of(UUID.randomUUID(), episode)) {
            problem(
                    viewing.post(viewer, "/watchlist/{t}?profile_id={p}", unknown, profile),
                    HttpStatus.NOT_FOUND,
                    "Title not found");
            problem(
                    viewing.postJson(
                            viewer, json("title_id", unknown, "rating", 1), "/ratings?profile_id={p}", profile),
                    HttpStatus.NOT_FOUND,
                    "Title not found");
            problem(
                    viewing.putJson(viewer, json("rating", 1), "/ratings/{t}?profile_id={p}", unknown, profile),
                    HttpStatus.NOT_FOUND,
                    "Title not found");
        }
    }

    @Test
    void theWatchlistFollowsTheParentalRating() {
        UUID kids = catalog.profile(viewer, "TV-Y");
        UUID mild = catalog.title(CatalogFixtures.word(), Map.of("age_rating", "TV-Y"));
        UUID mature = catalog.title(CatalogFixtures.word(), Map.of("age_rating", "TV-14"));
        viewing.post(viewer, "/watchlist/{t}?profile_id={p}", mild, kids)
                .expectStatus()
                .isCreated();
        viewing.post(viewer, "/watchlist/{t}?profile_id={p}", mature, kids)
                .expectStatus()
                .isCreated();
        Map<String, Object> list = viewing.getOk(viewer, "/watchlist?profile_id={p}", kids);
        assertThat(list).containsEntry("total", 1);
        assertThat(CatalogFixtures.field(list, "title_id")).containsExactly(mild.toString());
    }

    @Test
    void ratingsUpsertKeepTheirCreationTimeAndClear() {
        UUID movie = catalog.title(CatalogFixtures.word(), Map.of());
        viewing.get(viewer, "/ratings/{t}?profile_id={p}", movie, profile)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo("null");

        Map<String, Object> up = viewing.postJson(
                        viewer, json("title_id", movie, "rating", 1), "/ratings?profile_id={p}", profile)
                .expectStatus()
                .isOk()
                .returnResult(JSON_MAP)
                .getResponseBody();
        assertThat(up).containsEntry("title_id", movie.toString()).containsEntry("rating", 1);
        clock.advance(Duration.ofMinutes(5));
        Map<String, Object> down = viewing.putJson(
                        viewer, json("rating", -1), "/ratings/{t}?profile_id={p}", movie, profile)
                .expectStatus()
                .isOk()
                .returnResult(JSON_MAP)
                .getResponseBody();
        assertThat(down).containsEntry("rating", -1).containsEntry("created_at", up.get("created_at"));
        assertThat(down.get("updated_at")).isNotEqualTo(up.get("updated_at"));
        viewing.putJson(viewer, json("rating", -1), "/ratings/{t}?profile_id={p}", movie, profile)
                .expectStatus()
                .isOk();
        assertThat(viewing.getOk(viewer, "/ratings/{t}?profile_id={p}", movie, profile))
                .containsEntry("rating", -1);
        assertThat(events.ofType(TitleRated.class))
                .filteredOn(e -> e.titleId().equals(movie))
                .containsExactly(new TitleRated(profile, movie, 1), new TitleRated(profile, movie, -1));

        for (int i = 0; i < 2; i++) {
            viewing.delete(viewer, "/ratings/{t}?profile_id={p}", movie, profile)
                    .expectStatus()
                    .isNoContent();
        }
        viewing.get(viewer, "/ratings/{t}?profile_id={p}", movie, profile)
                .expectBody(String.class)
                .isEqualTo("null");
        assertThat(events.ofType(TitleRated.class))
                .filteredOn(e -> e.titleId().equals(movie))
                .last()
                .isEqualTo(new TitleRated(profile, movie, null));
    }

    @Test
    void aRatingIsThumbsUpOrDown() {
        UUID movie = catalog.title(CatalogFixtures.word(), Map.of());
        for (Object bad : java.util.Arrays.asList(0, 2, -2, null)) {
            CatalogFixtures.invalid(
                    viewing.postJson(
                            viewer, json("title_id", movie, "rating", bad), "/ratings?profile_id={p}", profile),
                    "rating");
            CatalogFixtures.invalid(
                    viewing.putJson(viewer, json("rating", bad), "/ratings/{t}?profile_id={p}", movie, profile),
                    "rating");
        }
    }

    @Test
    void historyPagesNewestFirstWithFinishedAndStartedItemsAndForgets() {
        UUID first = catalog.title(CatalogFixtures.word(), Map.of());
        UUID series = catalog.title(CatalogFixtures.word(), Map.of("title_type", "series"));
        UUID[] episodes = ViewingFixtures.series(catalog, series, 2)[0];
        UUID last = catalog.title(CatalogFixtures.word(), Map.of());
        viewing.heartbeatOk(viewer, profile, "movie", first, 6000, 6000);
        for (UUID episode : episodes) {
            clock.advance(Duration.ofMinutes(1));
            viewing.heartbeatOk(viewer, profile, "episode", episode, 100, 2400);
        }
        clock.advance(Duration.ofMinutes(1));
        viewing.heartbeatOk(viewer, profile, "movie", last, 100, 6000);

        Map<String, Object> page1 = viewing.getOk(viewer, "/history?profile_id={p}&page_size=3", profile);
        assertThat(page1).containsEntry("total", 4).containsEntry("page", 1).containsEntry("page_size", 3);
        assertThat(contentIds(page1)).containsExactly(last.toString(), episodes[1].toString(), episodes[0].toString());
        Map<String, Object> page2 = viewing.getOk(viewer, "/history?profile_id={p}&page=2&page_size=3", profile);
        assertThat(items(page2).get(0))
                .containsEntry("content_id", first.toString())
                .containsEntry("completed", true);
        CatalogFixtures.invalid(viewing.get(viewer, "/history?profile_id={p}&page_size=101", profile), "page_size");

        viewing.delete(viewer, "/history/{c}?profile_id={p}", first, profile)
                .expectStatus()
                .isNoContent();
        viewing.delete(viewer, "/history/{c}?profile_id={p}", series, profile)
                .expectStatus()
                .isNoContent();
        viewing.delete(viewer, "/history/{c}?profile_id={p}", series, profile)
                .expectStatus()
                .isNoContent();
        assertThat(contentIds(viewing.getOk(viewer, "/history?profile_id={p}", profile)))
                .containsExactly(last.toString());
        assertThat(events.ofType(HistoryDeleted.class))
                .filteredOn(e -> e.profileId().equals(profile))
                .extracting(HistoryDeleted::contentIds)
                .containsExactly(List.of(first), List.of(episodes[0], episodes[1]));
        viewing.get(viewer, "/bookmarks/by-content/{c}?profile_id={p}", first, profile)
                .expectBody(String.class)
                .isEqualTo("null");
    }

    @Test
    void removingAnEpisodeOrATitleFromTheCatalogTakesItsBookmarksAlong() {
        UUID movie = catalog.title(CatalogFixtures.word(), Map.of());
        UUID series = catalog.title(CatalogFixtures.word(), Map.of("title_type", "series"));
        UUID episode = ViewingFixtures.series(catalog, series, 1)[0][0];
        viewing.heartbeatOk(viewer, profile, "movie", movie, 100, 6000);
        viewing.heartbeatOk(viewer, profile, "episode", episode, 100, 6000);

        catalog.adminDelete(CatalogFixtures.ADMIN + "/episodes/{id}", episode)
                .expectStatus()
                .isNoContent();
        catalog.adminDelete(CatalogFixtures.ADMIN + "/titles/{id}", movie)
                .expectStatus()
                .isNoContent();
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(items(viewing.getOk(viewer, "/history?profile_id={p}", profile)))
                        .isEmpty());
    }
}
