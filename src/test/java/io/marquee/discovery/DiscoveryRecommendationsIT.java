package io.marquee.discovery;

import static io.marquee.catalog.CatalogFixtures.field;
import static io.marquee.catalog.CatalogFixtures.items;
import static io.marquee.catalog.CatalogFixtures.json;
import static io.marquee.catalog.CatalogFixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marquee.catalog.CatalogFixtures;
import io.marquee.support.IntegrationTest;
import io.marquee.support.MutableClock;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import io.marquee.viewing.ViewingFixtures;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Home rails, similar and post-play through {@code /recommendations}, on titles and viewing the test makes. */
@IntegrationTest
class DiscoveryRecommendationsIT {

    static final String HOME = "/api/v1/recommendations/home?profile_id={p}";
    static final String SIMILAR = "/api/v1/recommendations/similar/{id}";
    static final String POST_PLAY = "/api/v1/recommendations/post-play/{id}?profile_id={p}";

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    CacheManager caches;

    CatalogFixtures catalog;
    ViewingFixtures viewing;
    Account viewer;
    UUID profile;
    String word;
    UUID moonBase;
    UUID marsColony;
    UUID starship;
    UUID bakery;
    UUID breadShop;
    UUID slasher;
    CatalogFixtures.Genre space;
    CatalogFixtures.Genre food;

    @BeforeEach
    void setUp() {
        catalog = new CatalogFixtures(http, jdbc);
        viewing = new ViewingFixtures(http);
        viewer = TestAccounts.register(http);
        profile = TestAccounts.firstProfileId(http, viewer);
        word = CatalogFixtures.word();
        space = catalog.genre();
        food = catalog.genre();
        moonBase = movie(
                "Moon Base " + word, "Astronauts build a research base on the moon and fight to survive", "TV-PG");
        marsColony = movie(
                "Red Colony " + word, "Astronauts settle Mars and survive dust storms in a fragile colony", "TV-PG");
        starship = movie(
                "Deep Orbit " + word, "A starship crew of astronauts drifts through space after an accident", "TV-14");
        bakery = movie(
                "Sourdough " + word, "A pastry chef opens a small bakery in Paris and bakes bread at dawn", "TV-G");
        breadShop = movie(
                "Crumbs " + word,
                "Two bakers compete to make the best croissants and cakes in a village bakery",
                "TV-G");
        slasher = movie(
                "Night Knife " + word,
                "A masked killer stalks astronauts on a space station in a gory horror",
                "TV-MA");
        awaitEmbeddings(moonBase, marsColony, starship, bakery, breadShop, slasher);
        caches.getCache("popularity").clear(); // Trending and Popular Now are cached for everyone for 5 minutes
    }

    UUID movie(String title, String synopsis, String rating) {
        CatalogFixtures.Genre genre = synopsis.contains("bake") ? food : space;
        return catalog.title(
                title, Map.of("synopsis_short", synopsis, "age_rating", rating, "genre_ids", List.of(genre.id())));
    }

    void awaitEmbeddings(UUID... ids) {
        Embedded.awaitEmbeddings(jdbc, ids);
    }

    Map<String, Object> home(UUID profileId) {
        return catalog.getOk(viewer, HOME, profileId);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rails(Map<String, Object> home) {
        return (List<Map<String, Object>>) home.get("rails");
    }

    static Map<String, Object> rail(Map<String, Object> home, String type) {
        return rails(home).stream()
                .filter(r -> type.equals(r.get("rail_type")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " rail in " + home));
    }

    static List<String> railTypes(Map<String, Object> home) {
        return rails(home).stream().map(r -> (String) r.get("rail_type")).toList();
    }

    /** The titles of the items of {@code ours} in the order the rail has them (readable when an assertion fails). */
    static List<String> ours(Map<String, Object> rail, UUID... ours) {
        Set<String> wanted = Set.copyOf(Arrays.stream(ours).map(UUID::toString).toList());
        return items(rail).stream()
                .filter(item -> wanted.contains(String.valueOf(item.get("id"))))
                .map(item -> (String) item.get("title"))
                .toList();
    }

    String title(UUID id) {
        return jdbc.sql("SELECT title FROM titles WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    /** The test's titles go, so that the next test's For You is not crowded by look-alikes. */
    @AfterEach
    void removeTitles() {
        jdbc.sql("DELETE FROM titles WHERE title LIKE :pattern")
                .param("pattern", "% " + word)
                .update();
        clock.reset();
    }

    void watch(UUID movie, int position) {
        viewing.heartbeatOk(viewer, profile, "movie", movie, position, 6000);
    }

    void rate(UUID title, int rating) {
        viewing.putJson(viewer, Map.of("rating", rating), "/ratings/{t}?profile_id={p}", title, profile)
                .expectStatus()
                .isOk();
    }

    void addToList(UUID title) {
        viewing.post(viewer, "/watchlist/{t}?profile_id={p}", title, profile)
                .expectStatus()
                .isCreated();
    }

    @Test
    void aNewProfileGetsPopularNowInsteadOfForYouAndTheCatalogRails() {
        Map<String, Object> home = home(profile);

        assertThat(railTypes(home)).doesNotContain("continue_watching", "for_you", "watchlist", "genre");
        assertThat(railTypes(home)).startsWith("popular_now", "new_releases");
        assertThat(rail(home, "popular_now")).containsEntry("name", "Popular Now");
        assertThat(items(rail(home, "new_releases")).get(0)).containsEntry("id", slasher.toString());
        assertThat(items(rail(home, "new_releases"))).hasSizeLessThanOrEqualTo(20);
    }

    @Test
    void railsComeInOrderAndContinueWatchingIsTheViewingList() {
        watch(moonBase, 600);
        addToList(bakery);

        Map<String, Object> home = home(profile);

        assertThat(railTypes(home))
                .containsSubsequence("continue_watching", "for_you", "watchlist", "new_releases", "trending", "genre");
        Map<String, Object> continueWatching = viewing.continueWatching(viewer, profile);
        assertThat(items(rail(home, "continue_watching"))).isEqualTo(items(continueWatching));
        assertThat(field(rail(home, "watchlist"), "id")).containsExactly(bakery.toString());
        assertThat(rail(home, "watchlist")).containsEntry("name", "My List");
        assertThat(rail(home, "genre")).containsEntry("name", "Top in " + space.name());
        assertThat(ours(rail(home, "genre"), moonBase, marsColony, starship, slasher, bakery))
                .containsExactly(title(slasher), title(starship), title(marsColony), title(moonBase));
    }

    @Test
    void forYouIsNearestToWhatTheProfileLikedAndLeavesOutWhatItMet() {
        watch(moonBase, 600);
        rate(starship, -1);

        Map<String, Object> forYou = rail(home(profile), "for_you");

        assertThat(ours(forYou, moonBase, marsColony, starship, bakery, breadShop))
                .startsWith(title(marsColony))
                .doesNotContain(title(moonBase), title(starship));
    }

    @Test
    void aThumbsUpCountsTwiceInTheCentroid() {
        watch(moonBase, 600);
        rate(bakery, 1);

        Map<String, Object> first = items(rail(home(profile), "for_you")).get(0);

        assertThat(similarity(first))
                .isCloseTo(similarityToMean(first, moonBase, bakery, bakery), within(0.0001))
                .isNotCloseTo(similarityToMean(first, moonBase, bakery), within(0.0001));
    }

    static double similarity(Map<String, Object> item) {
        return ((Number) item.get("similarity_score")).doubleValue();
    }

    /** Cosine similarity of the item to the mean of the given titles' stored vectors, computed here. */
    double similarityToMean(Map<String, Object> item, UUID... titles) {
        return jdbc.sql("""
                        SELECT 1 - (e.embedding <=> (SELECT avg(c.embedding) FROM content_embeddings c
                                                     JOIN unnest(CAST(:titles AS uuid[])) w(id) ON w.id = c.title_id))
                        FROM content_embeddings e WHERE e.title_id = :item
                        """)
                .param("titles", titles)
                .param("item", UUID.fromString((String) item.get("id")))
                .query(Double.class)
                .single();
    }

    @Test
    void episodesCountForTheirSeriesAndDismissedTitlesStayOut() {
        UUID series = catalog.title(
                "Orbit Station " + word,
                Map.of(
                        "title_type",
                        "series",
                        "synopsis_short",
                        "Astronauts live aboard an orbital station for a year",
                        "age_rating",
                        "TV-PG"));
        UUID[][] episodes = ViewingFixtures.series(catalog, series, 2);
        awaitEmbeddings(series);
        viewing.heartbeatOk(viewer, profile, "episode", episodes[0][0], 100, 1800);
        Map<String, Object> dismissed = viewing.heartbeatOk(viewer, profile, "movie", bakery, 100, 6000);
        viewing.post(viewer, "/bookmarks/{id}/dismiss?profile_id={p}", dismissed.get("id"), profile)
                .expectStatus()
                .isOk();

        Map<String, Object> home = home(profile);

        Map<String, Object> forYou = rail(home, "for_you");
        assertThat(field(forYou, "id")).doesNotContain(series.toString(), bakery.toString());
        // the taste is the series alone: its episode counts for it, the dismissed bakery pulls nothing
        Map<String, Object> first = items(forYou).get(0);
        assertThat(similarity(first)).isCloseTo(similarityToMean(first, series), within(0.0001));
    }

    @Test
    void trendingWeighsEachViewerByHowRecentlyTheyWatched() {
        Account second = TestAccounts.register(http);
        UUID secondProfile = TestAccounts.firstProfileId(http, second);
        clock.advance(Duration.ofDays(-10));
        watch(starship, 600);
        viewing.heartbeatOk(second, secondProfile, "movie", starship, 600, 6000);
        clock.reset();
        watch(moonBase, 600);
        watch(marsColony, 600);
        viewing.heartbeatOk(second, secondProfile, "movie", marsColony, 600, 6000);

        // marsColony: 2 viewers now; moonBase: 1 now; starship: 2 viewers 10 days ago, 2 × e^(-10/7) ≈ 0.48
        assertThat(ours(rail(home(profile), "trending"), moonBase, marsColony, starship))
                .containsExactly(title(marsColony), title(moonBase), title(starship));
    }

    @Test
    void everyRailKeepsToTheParentalRating() {
        UUID kids = catalog.profile(viewer, "TV-PG");
        profile = kids;
        watch(moonBase, 600);
        addToList(marsColony);
        viewing.heartbeatOk(viewer, profile, "movie", bakery, 6000, 6000);

        Map<String, Object> home = home(kids);

        for (Map<String, Object> rail : rails(home)) {
            for (Map<String, Object> item : items(rail)) {
                @SuppressWarnings("unchecked")
                Object rating = "continue_watching".equals(rail.get("rail_type"))
                        ? ((Map<String, Object>) item.get("title_info")).get("age_rating")
                        : item.get("age_rating");
                assertThat(rating)
                        .as("%s in %s", item.get("id"), rail.get("rail_type"))
                        .isIn("TV-Y", "TV-G", "TV-PG");
            }
        }
        assertThat(field(rail(home, "for_you"), "id")).doesNotContain(starship.toString(), slasher.toString());
    }

    @Test
    void cachedRailsAreServedUntilTheProfileWatchesSomething() {
        watch(moonBase, 600);
        home(profile);
        UUID fresh = movie("Fresh Arrival " + word, "A brand new film about a lighthouse keeper", "TV-G");

        assertThat(field(rail(home(profile), "new_releases"), "id"))
                .as("served from the cache")
                .doesNotContain(fresh.toString());

        watch(marsColony, 300);

        Map<String, Object> home = home(profile);
        assertThat(field(rail(home, "new_releases"), "id")).first().isEqualTo(fresh.toString());
        assertThat(field(rail(home, "continue_watching"), "content_id")).contains(marsColony.toString());
    }

    @Test
    void aChangedParentalRatingIsNeverServedFromTheCache() {
        UUID teen = catalog.profile(viewer, "TV-14");
        profile = teen;
        watch(moonBase, 600);
        assertThat(field(rail(home(teen), "new_releases"), "id")).contains(starship.toString());

        http.patch()
                .uri("/api/v1/auth/profiles/{id}", teen)
                .header("Authorization", viewer.bearer())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("parental_rating", "TV-PG"))
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(field(rail(home(teen), "new_releases"), "id")).doesNotContain(starship.toString());
    }

    @Test
    void similarListsTheNearestTitlesWithoutTheTitleItself() {
        Map<String, Object> similar = catalog.getOk(viewer, SIMILAR + "?limit=50", moonBase);

        List<Object> ids = field(similar, "id");
        assertThat(ids).doesNotContain(moonBase.toString());
        assertThat(ours(similar, marsColony, breadShop)).containsExactly(title(marsColony), title(breadShop));
        assertThat(similar.get("total")).isEqualTo(items(similar).size());
        List<Double> scores = items(similar).stream()
                .map(i -> ((Number) i.get("similarity_score")).doubleValue())
                .toList();
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));

        UUID kids = catalog.profile(viewer, "TV-PG");
        assertThat(field(catalog.getOk(viewer, SIMILAR + "?limit=50&profile_id={p}", moonBase, kids), "id"))
                .doesNotContain(starship.toString(), slasher.toString());
    }

    @Test
    void similarAndPostPlayRefuseUnknownTitlesForeignProfilesAndStrangers() {
        problem(catalog.get(viewer, SIMILAR, UUID.randomUUID()), HttpStatus.NOT_FOUND, "Title not found");
        problem(catalog.get(viewer, POST_PLAY, UUID.randomUUID(), profile), HttpStatus.NOT_FOUND, "Title not found");
        Account other = TestAccounts.register(http);
        UUID foreign = TestAccounts.firstProfileId(http, other);
        String denied = "Profile not found or access denied";
        problem(catalog.get(viewer, HOME, foreign), HttpStatus.FORBIDDEN, denied);
        problem(catalog.get(viewer, POST_PLAY, moonBase, foreign), HttpStatus.FORBIDDEN, denied);
        problem(catalog.get(viewer, SIMILAR + "?profile_id={p}", moonBase, foreign), HttpStatus.FORBIDDEN, denied);
        http.get().uri(HOME, profile).exchange().expectStatus().isUnauthorized();
        CatalogFixtures.invalid(catalog.get(viewer, SIMILAR + "?limit=51", moonBase), "limit");
    }

    @Test
    void postPlayOffersTheNextEpisodeAcrossSeasonsFirstThenSimilarTitles() {
        UUID series = catalog.title(
                "Station Log " + word,
                Map.of(
                        "title_type",
                        "series",
                        "synopsis_short",
                        "Astronauts keep a log aboard a failing space station",
                        "age_rating",
                        "TV-PG"));
        UUID[][] episodes = ViewingFixtures.series(catalog, series, 2, 2);
        awaitEmbeddings(series);

        Map<String, Object> afterEpisode = catalog.getOk(viewer, POST_PLAY, episodes[0][1], profile);
        Map<String, Object> first = items(afterEpisode).get(0);
        assertThat(first).containsEntry("id", series.toString());
        assertThat(first.get("next_episode"))
                .isEqualTo(json(
                        "episode_id",
                        episodes[1][0].toString(),
                        "season_number",
                        2,
                        "episode_number",
                        1,
                        "episode_title",
                        "S2E1"));
        assertThat(field(afterEpisode, "id").subList(1, items(afterEpisode).size()))
                .doesNotContain(series.toString());
        assertThat(items(afterEpisode)).hasSizeLessThanOrEqualTo(8);

        // finished S2E1 is skipped; given the series, the episode watched last (unfinished) comes back first
        viewing.heartbeatOk(viewer, profile, "episode", episodes[1][0], 1800, 1800);
        viewing.heartbeatOk(viewer, profile, "episode", episodes[0][1], 300, 1800);
        assertThat(nextEpisodeId(catalog.getOk(viewer, POST_PLAY, episodes[0][1], profile)))
                .isEqualTo(episodes[1][1].toString());
        assertThat(nextEpisodeId(catalog.getOk(viewer, POST_PLAY, series, profile)))
                .isEqualTo(episodes[0][1].toString());

        Map<String, Object> afterMovie = catalog.getOk(viewer, POST_PLAY + "&limit=3", moonBase, profile);
        assertThat(items(afterMovie))
                .hasSize(3)
                .allSatisfy(i -> assertThat(i.get("next_episode")).isNull());
    }

    @SuppressWarnings("unchecked")
    static Object nextEpisodeId(Map<String, Object> postPlay) {
        return ((Map<String, Object>) items(postPlay).get(0).get("next_episode")).get("episode_id");
    }

    @Test
    void listAndRatingChangesRefreshTheCachedRails() {
        addToList(bakery);
        assertThat(field(rail(home(profile), "watchlist"), "id")).containsExactly(bakery.toString());

        viewing.delete(viewer, "/watchlist/{t}?profile_id={p}", bakery, profile)
                .expectStatus()
                .isNoContent();
        addToList(breadShop);
        assertThat(field(rail(home(profile), "watchlist"), "id")).containsExactly(breadShop.toString());

        watch(moonBase, 600);
        Map<String, Object> before = items(rail(home(profile), "for_you")).get(0);
        assertThat(similarity(before)).isCloseTo(similarityToMean(before, moonBase, breadShop), within(0.0001));
        rate(moonBase, 1);
        Map<String, Object> after = items(rail(home(profile), "for_you")).get(0);
        assertThat(similarity(after)).isCloseTo(similarityToMean(after, moonBase, moonBase, breadShop), within(0.0001));
    }
}
