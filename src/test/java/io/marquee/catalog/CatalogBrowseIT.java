package io.marquee.catalog;

import static io.marquee.catalog.CatalogFixtures.CATALOG;
import static io.marquee.catalog.CatalogFixtures.field;
import static io.marquee.catalog.CatalogFixtures.invalid;
import static io.marquee.catalog.CatalogFixtures.items;
import static io.marquee.catalog.CatalogFixtures.json;
import static io.marquee.catalog.CatalogFixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.support.IntegrationTest;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
class CatalogBrowseIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    CatalogFixtures catalog;
    Account viewer;

    @BeforeEach
    void setUp() {
        catalog = new CatalogFixtures(http, jdbc);
        viewer = TestAccounts.register(http);
    }

    @Test
    void everyCatalogRouteNeedsASignedInCaller() {
        for (String path : List.of("/titles", "/search?q=x", "/genres", "/featured", "/titles/" + UUID.randomUUID())) {
            http.get().uri(CATALOG + path).exchange().expectStatus().isUnauthorized();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyCatalogOperationIsDocumented() {
        Map<String, Object> api = http.get()
                .uri("/openapi.json")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(TestAccounts.JSON_MAP)
                .getResponseBody();
        Map<String, Map<String, Map<String, Object>>> paths =
                (Map<String, Map<String, Map<String, Object>>>) api.get("paths");
        List<String> catalogPaths = paths.keySet().stream()
                .filter(path ->
                        path.startsWith(CATALOG) || path.matches("/api/v1/admin/(titles|seasons|episodes|genres).*"))
                .toList();
        assertThat(catalogPaths).hasSizeGreaterThanOrEqualTo(12);
        for (String path : catalogPaths) {
            paths.get(path).forEach((method, operation) -> {
                assertThat(operation.get("summary")).as("%s %s", method, path).isNotNull();
                assertThat(operation.get("description"))
                        .as("%s %s", method, path)
                        .isNotNull();
                assertThat((List<String>) operation.get("tags"))
                        .as("%s %s", method, path)
                        .containsAnyOf("Catalog", "Admin: catalog");
            });
        }
        Map<String, Object> notFound = (Map<String, Object>) ((Map<String, Object>)
                        paths.get(CATALOG + "/titles/{title_id}").get("get").get("responses"))
                .get("404");
        assertThat(notFound).containsEntry("description", "Title not found");
        assertThat((Map<String, Object>) notFound.get("content")).containsKey("application/problem+json");
    }

    @Test
    void filtersCombineAndPagesCountEveryMatch() {
        CatalogFixtures.Genre genre = catalog.genre();
        String word = CatalogFixtures.word();
        UUID delta = catalog.title(word + " Delta", Map.of("genre_ids", List.of(genre.id())));
        UUID alpha = catalog.title(word + " Alpha", Map.of("genre_ids", List.of(genre.id())));
        UUID echo = catalog.title(word + " Echo", Map.of("genre_ids", List.of(genre.id()), "title_type", "series"));
        UUID bravo = catalog.title(word + " Bravo", Map.of("genre_ids", List.of(genre.id())));
        UUID charlie =
                catalog.title(word + " Charlie", Map.of("genre_ids", List.of(genre.id()), "title_type", "series"));
        catalog.title(word + " Outside", Map.of());

        Map<String, Object> all = catalog.getOk(viewer, CATALOG + "/titles?genre={g}&page_size=100", genre.slug());
        assertThat(all).containsEntry("total", 5).containsEntry("page", 1).containsEntry("page_size", 100);
        assertThat(field(all, "id"))
                .containsExactly(
                        alpha.toString(), bravo.toString(), charlie.toString(), delta.toString(), echo.toString());

        Map<String, Object> second =
                catalog.getOk(viewer, CATALOG + "/titles?genre={g}&page=2&page_size=2", genre.slug());
        assertThat(second).containsEntry("total", 5).containsEntry("page", 2).containsEntry("page_size", 2);
        assertThat(field(second, "id")).containsExactly(charlie.toString(), delta.toString());

        Map<String, Object> series = catalog.getOk(viewer, CATALOG + "/titles?genre={g}&type=series", genre.slug());
        assertThat(series).containsEntry("total", 2);
        assertThat(field(series, "id")).containsExactly(charlie.toString(), echo.toString());

        Map<String, Object> keyword = catalog.getOk(viewer, CATALOG + "/titles?q={q}&type=series&page_size=100", word);
        assertThat(keyword).containsEntry("total", 2);
        assertThat(field(keyword, "id")).containsExactlyInAnyOrder(charlie.toString(), echo.toString());
        Map<String, Object> inGenre =
                catalog.getOk(viewer, CATALOG + "/titles?q={q}&genre={g}&type=movie&page_size=100", word, genre.slug());
        assertThat(inGenre).containsEntry("total", 3);
        assertThat(field(inGenre, "id"))
                .containsExactlyInAnyOrder(alpha.toString(), bravo.toString(), delta.toString());

        Map<String, Object> beyond = catalog.getOk(viewer, CATALOG + "/titles?genre={g}&page=9", genre.slug());
        assertThat(beyond).containsEntry("total", 5);
        assertThat(items(beyond)).isEmpty();

        Map<String, Object> unknownGenre = catalog.getOk(viewer, CATALOG + "/titles?genre=no-such-genre-" + word);
        assertThat(unknownGenre).containsEntry("total", 0);
    }

    @Test
    void listItemsCarryThePocFieldsWithGenreNamesPrimaryFirst() {
        CatalogFixtures.Genre primary = catalog.genre();
        CatalogFixtures.Genre other = catalog.genre();
        String word = CatalogFixtures.word();
        catalog.title(
                word + " Lighthouse",
                Map.of(
                        "genre_ids",
                        List.of(other.id(), primary.id()),
                        "synopsis_short",
                        "A keeper and a storm.",
                        "release_year",
                        2023,
                        "duration_minutes",
                        101,
                        "age_rating",
                        "TV-14",
                        "poster_url",
                        "https://img.example.com/p.jpg",
                        "landscape_url",
                        "https://img.example.com/l.jpg",
                        "mood_tags",
                        List.of("atmospheric", "dark")));

        Map<String, Object> item = items(catalog.getOk(viewer, CATALOG + "/titles?genre={g}", other.slug()))
                .get(0);
        assertThat(item)
                .containsEntry("title", word + " Lighthouse")
                .containsEntry("title_type", "movie")
                .containsEntry("synopsis_short", "A keeper and a storm.")
                .containsEntry("release_year", 2023)
                .containsEntry("duration_minutes", 101)
                .containsEntry("age_rating", "TV-14")
                .containsEntry("poster_url", "https://img.example.com/p.jpg")
                .containsEntry("landscape_url", "https://img.example.com/l.jpg")
                .containsEntry("is_featured", false)
                .containsEntry("mood_tags", List.of("atmospheric", "dark"))
                .containsEntry("genres", List.of(other.name(), primary.name()))
                .containsEntry("entitled", false)
                .containsEntry("hls_manifest_url", null);
    }

    @Test
    void titlesWithTheSameNameAreOrderedById() {
        CatalogFixtures.Genre genre = catalog.genre();
        String name = CatalogFixtures.word() + " Twin";
        UUID first = catalog.title(name, Map.of("genre_ids", List.of(genre.id())));
        UUID second = catalog.title(name, Map.of("genre_ids", List.of(genre.id())));
        List<String> expected = first.compareTo(second) < 0
                ? List.of(first.toString(), second.toString())
                : List.of(second.toString(), first.toString());
        // UUID order in PostgreSQL is the unsigned byte order of the canonical text
        List<String> sorted = expected.stream().sorted().toList();
        assertThat(field(catalog.getOk(viewer, CATALOG + "/titles?genre={g}", genre.slug()), "id"))
                .containsExactlyElementsOf(sorted);
    }

    @Test
    void listParametersAreValidated() {
        invalid(catalog.get(viewer, CATALOG + "/titles?type=documentary"), "type");
        invalid(catalog.get(viewer, CATALOG + "/titles?page=0"), "page");
        invalid(catalog.get(viewer, CATALOG + "/titles?page_size=101"), "page_size");
        invalid(catalog.get(viewer, CATALOG + "/titles?page_size=0"), "page_size");
        invalid(catalog.get(viewer, CATALOG + "/titles?profile_id=not-a-uuid"), "profile_id");
        invalid(catalog.get(viewer, CATALOG + "/search"), "q");
        invalid(catalog.get(viewer, CATALOG + "/search?q="), "q");
        invalid(catalog.get(viewer, CATALOG + "/search?q={q}", "  "), "q");
        invalid(catalog.get(viewer, CATALOG + "/search?q=" + "x".repeat(201)), "q");
        invalid(catalog.get(viewer, CATALOG + "/titles/not-a-uuid"), "title_id");
    }

    @Test
    void detailListsCastInBillingOrderAndSeasonsAndEpisodesByNumber() {
        CatalogFixtures.Genre genre = catalog.genre();
        String word = CatalogFixtures.word();
        UUID series = catalog.title(
                word + " Harbour",
                Map.of(
                        "title_type", "series",
                        "genre_ids", List.of(genre.id()),
                        "synopsis_long", "Long synopsis.",
                        "country_of_origin", "UK",
                        "language", "en",
                        "theme_tags", List.of("family"),
                        "cast",
                                List.of(
                                        Map.of("person_name", "Zoe Zed", "role", "actor", "character_name", "Ada"),
                                        Map.of("person_name", "Adam Ant", "role", "director"),
                                        Map.of("person_name", "Mia Mu", "role", "writer"))));
        UUID seasonTwo = catalog.season(series, 2);
        UUID seasonOne = catalog.season(series, 1);
        catalog.episode(seasonOne, 3, Map.of());
        catalog.episode(seasonOne, 1, Map.of("synopsis", "It begins.", "duration_minutes", 52));
        catalog.episode(seasonOne, 2, Map.of());
        catalog.episode(seasonTwo, 1, Map.of());

        Map<String, Object> detail = catalog.getOk(viewer, CATALOG + "/titles/{id}", series);
        assertThat(detail)
                .containsEntry("id", series.toString())
                .containsEntry("title_type", "series")
                .containsEntry("synopsis_long", "Long synopsis.")
                .containsEntry("country_of_origin", "UK")
                .containsEntry("language", "en")
                .containsEntry("theme_tags", List.of("family"))
                .containsEntry("genres", List.of(genre.name()))
                .containsEntry("entitled", false)
                .containsEntry("hls_manifest_url", null);
        assertThat(detail.get("cast"))
                .isEqualTo(List.of(
                        Map.of("person_name", "Zoe Zed", "role", "actor", "character_name", "Ada"),
                        json("person_name", "Adam Ant", "role", "director", "character_name", null),
                        json("person_name", "Mia Mu", "role", "writer", "character_name", null)));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> seasons = (List<Map<String, Object>>) detail.get("seasons");
        assertThat(seasons).extracting(s -> s.get("season_number")).containsExactly(1, 2);
        assertThat(seasons.get(0).get("id")).isEqualTo(seasonOne.toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> episodes =
                (List<Map<String, Object>>) seasons.get(0).get("episodes");
        assertThat(episodes).extracting(e -> e.get("episode_number")).containsExactly(1, 2, 3);
        assertThat(episodes.get(0))
                .containsEntry("title", "Episode 1")
                .containsEntry("synopsis", "It begins.")
                .containsEntry("duration_minutes", 52)
                .containsEntry("hls_manifest_url", null);

        problem(
                catalog.get(viewer, CATALOG + "/titles/{id}", UUID.randomUUID()),
                HttpStatus.NOT_FOUND,
                "Title not found");
    }

    @Test
    void aMovieHasNoSeasons() {
        UUID movie = catalog.title(CatalogFixtures.word() + " Solo", Map.of());
        assertThat(catalog.getOk(viewer, CATALOG + "/titles/{id}", movie)).containsEntry("seasons", List.of());
    }

    @Test
    void aRestrictedProfileSeesOnlyWhatItMayWatchInEveryList() {
        CatalogFixtures.Genre genre = catalog.genre();
        String word = CatalogFixtures.word();
        UUID forToddlers = catalog.title(
                word + " Toddlers",
                Map.of("genre_ids", List.of(genre.id()), "age_rating", "TV-Y", "is_featured", true));
        UUID general = catalog.title(
                word + " General", Map.of("genre_ids", List.of(genre.id()), "age_rating", "TV-G", "is_featured", true));
        UUID mature = catalog.title(
                word + " Mature",
                Map.of(
                        "genre_ids",
                        List.of(genre.id()),
                        "age_rating",
                        "TV-MA",
                        "is_featured",
                        true,
                        "title_type",
                        "series"));
        UUID unrated = catalog.title(word + " Unrated", Map.of("genre_ids", List.of(genre.id()), "is_featured", true));
        UUID matureEpisode = catalog.episode(catalog.season(mature, 1), 1, Map.of());
        UUID toddler = catalog.profile(viewer, "TV-Y");
        UUID general14 = catalog.profile(viewer, "TV-14");
        UUID unrestricted = TestAccounts.firstProfileId(http, viewer);

        String profile = "&profile_id=" + toddler;
        assertThat(field(catalog.getOk(viewer, CATALOG + "/titles?genre={g}" + profile, genre.slug()), "id"))
                .containsExactly(forToddlers.toString());
        assertThat(field(catalog.getOk(viewer, CATALOG + "/search?q={q}" + profile, word), "id"))
                .containsExactly(forToddlers.toString());
        assertThat(field(catalog.getOk(viewer, CATALOG + "/titles?q={q}" + profile, word), "id"))
                .containsExactly(forToddlers.toString());
        Map<String, Object> featured = catalog.getOk(viewer, CATALOG + "/featured?profile_id={p}", toddler);
        assertThat(field(featured, "id")).contains(forToddlers.toString()).doesNotContain(general.toString());
        assertThat(field(featured, "age_rating")).containsOnly("TV-Y");
        Map<String, Object> everything =
                catalog.getOk(viewer, CATALOG + "/titles?page_size=100&profile_id={p}", toddler);
        assertThat(field(everything, "age_rating")).containsOnly("TV-Y");

        problem(
                catalog.get(viewer, CATALOG + "/titles/{id}?profile_id={p}", mature, toddler),
                HttpStatus.FORBIDDEN,
                "Content not available for this profile");
        problem(
                catalog.get(viewer, CATALOG + "/titles/{id}?profile_id={p}", unrated, general14),
                HttpStatus.FORBIDDEN,
                "Content not available for this profile");
        problem(
                catalog.get(viewer, CATALOG + "/episodes/{id}?profile_id={p}", matureEpisode, general14),
                HttpStatus.FORBIDDEN,
                "Content not available for this profile");
        catalog.get(viewer, CATALOG + "/titles/{id}?profile_id={p}", forToddlers, toddler)
                .expectStatus()
                .isOk();
        problem(
                catalog.get(viewer, CATALOG + "/titles/{id}?profile_id={p}", UUID.randomUUID(), toddler),
                HttpStatus.NOT_FOUND,
                "Title not found");

        assertThat(field(
                        catalog.getOk(viewer, CATALOG + "/titles?genre={g}&profile_id={p}", genre.slug(), general14),
                        "id"))
                .containsExactlyInAnyOrder(forToddlers.toString(), general.toString());
        List<String> everyone =
                List.of(forToddlers.toString(), general.toString(), mature.toString(), unrated.toString());
        assertThat(field(
                        catalog.getOk(viewer, CATALOG + "/titles?genre={g}&profile_id={p}", genre.slug(), unrestricted),
                        "id"))
                .containsExactlyInAnyOrderElementsOf(everyone);
        assertThat(field(catalog.getOk(viewer, CATALOG + "/titles?genre={g}", genre.slug()), "id"))
                .containsExactlyInAnyOrderElementsOf(everyone);
        assertThat(field(catalog.getOk(viewer, CATALOG + "/featured"), "id")).containsAll(everyone);
        catalog.get(viewer, CATALOG + "/episodes/{id}?profile_id={p}", matureEpisode, unrestricted)
                .expectStatus()
                .isOk();
    }

    @Test
    void aProfileOfAnotherAccountIsRefusedEverywhere() {
        Account other = TestAccounts.register(http);
        UUID foreign = TestAccounts.firstProfileId(http, other);
        for (String path : List.of(
                "/titles",
                "/search?q=x",
                "/featured",
                "/titles/" + UUID.randomUUID(),
                "/episodes/" + UUID.randomUUID())) {
            String uri = CATALOG + path + (path.contains("?") ? "&" : "?") + "profile_id=" + foreign;
            problem(catalog.get(viewer, uri), HttpStatus.FORBIDDEN, "Profile not found or access denied");
        }
    }

    @Test
    void genresAreListedByNameAndNewOnesShowAtOnce() {
        Map<String, Object> before = catalog.getOk(viewer, CATALOG + "/genres");
        CatalogFixtures.Genre genre = catalog.genre();
        Map<String, Object> after = catalog.getOk(viewer, CATALOG + "/genres");
        assertThat(items(after))
                .contains(Map.of("id", genre.id().toString(), "name", genre.name(), "slug", genre.slug()));
        assertThat(after.get("total")).isEqualTo(items(after).size());
        assertThat(items(after)).hasSize(items(before).size() + 1);
        List<String> names =
                field(after, "name").stream().map(String.class::cast).toList();
        assertThat(names).isSortedAccordingTo(String::compareTo);
    }
}
