package io.marquee.catalog;

import static io.marquee.catalog.CatalogFixtures.ADMIN;
import static io.marquee.catalog.CatalogFixtures.CATALOG;
import static io.marquee.catalog.CatalogFixtures.field;
import static io.marquee.catalog.CatalogFixtures.invalid;
import static io.marquee.catalog.CatalogFixtures.json;
import static io.marquee.catalog.CatalogFixtures.problem;
import static io.marquee.support.TestAccounts.JSON_MAP;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.support.IntegrationTest;
import io.marquee.support.RecordedEvents;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
class CatalogAdminIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecordedEvents events;

    CatalogFixtures catalog;

    @BeforeEach
    void setUp() {
        catalog = new CatalogFixtures(http, jdbc);
    }

    @Test
    void catalogAdminNeedsAnAdmin() {
        Account viewer = TestAccounts.register(http);
        http.get()
                .uri(ADMIN + "/titles")
                .header("Authorization", viewer.bearer())
                .exchange()
                .expectStatus()
                .isForbidden();
        http.post()
                .uri(ADMIN + "/titles")
                .header("Authorization", viewer.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", "Nope", "title_type", "movie"))
                .exchange()
                .expectStatus()
                .isForbidden();
        http.delete()
                .uri(ADMIN + "/genres/{id}", UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void createAnswersTheWholeTitle() {
        CatalogFixtures.Genre drama = catalog.genre();
        CatalogFixtures.Genre crime = catalog.genre();
        String name = CatalogFixtures.word() + " Cold Trail";
        Map<String, Object> body = new HashMap<>();
        body.put("title", "  " + name + " ");
        body.put("title_type", "movie");
        body.put("synopsis_short", "A detective and a frozen lake.");
        body.put("release_year", 2024);
        body.put("duration_minutes", 118);
        body.put("age_rating", "TV-14");
        body.put("country_of_origin", "IS");
        body.put("language", "is");
        body.put("hls_manifest_url", "https://streams.example.com/cold.m3u8");
        body.put("mood_tags", List.of("dark", "gritty", "dark"));
        body.put("genre_ids", List.of(crime.id(), drama.id(), crime.id()));
        body.put(
                "cast",
                List.of(
                        Map.of("person_name", "Hekla Jons", "role", "actor", "character_name", "Inspector Dagny"),
                        Map.of("person_name", "Bo Arn", "role", "director")));
        body.put("is_admin", true); // unknown fields are ignored
        var response = catalog.createTitle(body).expectStatus().isCreated();
        Map<String, Object> title = response.returnResult(JSON_MAP).getResponseBody();
        UUID id = UUID.fromString((String) title.get("id"));
        response.expectHeader().valueEquals("Location", "/api/v1/admin/titles/" + id);

        assertThat(title)
                .containsEntry("title", name)
                .containsEntry("title_type", "movie")
                .containsEntry("release_year", 2024)
                .containsEntry("age_rating", "TV-14")
                .containsEntry("is_featured", false)
                .containsEntry("mood_tags", List.of("dark", "gritty"))
                .containsEntry("theme_tags", List.of())
                .containsEntry("logo_url", null)
                .containsEntry("ai_description", null)
                .containsEntry("hls_manifest_url", "https://streams.example.com/cold.m3u8")
                .containsEntry(
                        "genre_ids", List.of(crime.id().toString(), drama.id().toString()))
                .containsEntry("genres", List.of(crime.name(), drama.name()))
                .containsEntry("seasons", List.of());
        assertThat((List<?>) title.get("cast")).hasSize(2);
        assertThat((String) title.get("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        // the title is embedded in the background after its commit, so has_embedding may have turned true meanwhile
        Map<String, Object> readBack = new HashMap<>(catalog.adminGet(ADMIN + "/titles/{id}", id)
                .returnResult(JSON_MAP)
                .getResponseBody());
        readBack.put("has_embedding", title.get("has_embedding"));
        assertThat(readBack).isEqualTo(title);
        assertThat(events.ofType(TitlePublished.class)).contains(new TitlePublished(id));
    }

    @Test
    void createValidatesEveryFieldAndNamesIt() {
        invalid(catalog.createTitle(Map.of()), "title", "title_type");
        String word = CatalogFixtures.word();
        Map<String, Object> body = new HashMap<>();
        body.put("title", word + "x".repeat(500));
        body.put("title_type", "documentary");
        body.put("synopsis_short", "s".repeat(1001));
        body.put("release_year", 1500);
        body.put("duration_minutes", 0);
        body.put("age_rating", "R");
        body.put("country_of_origin", "usa");
        body.put("language", "English");
        body.put("poster_url", "ftp://img.example.com/p.jpg");
        body.put("hls_manifest_url", "javascript:alert(1)");
        body.put("mood_tags", Collections.nCopies(21, "dark"));
        body.put("theme_tags", List.of(" "));
        body.put(
                "cast",
                List.of(
                        Map.of("person_name", "A", "role", "producer"),
                        Map.of("role", "actor", "character_name", "c".repeat(201))));
        invalid(
                catalog.createTitle(body),
                "title",
                "title_type",
                "synopsis_short",
                "release_year",
                "duration_minutes",
                "age_rating",
                "country_of_origin",
                "language",
                "poster_url",
                "hls_manifest_url",
                "mood_tags",
                "theme_tags[0]",
                "cast[0].role",
                "cast[1].person_name",
                "cast[1].character_name");
        invalid(catalog.createTitle(Map.of("title", "   ", "title_type", "movie")), "title");
        invalid(
                catalog.createTitle(Map.of("title", word, "title_type", "movie", "release_year", "soon")),
                "release_year");
        invalid(
                catalog.createTitle(
                        Map.of("title", word, "title_type", "movie", "genre_ids", List.of(UUID.randomUUID()))),
                "genre_ids");
        assertThat(catalog.adminGet(ADMIN + "/titles?q={q}", word)
                        .returnResult(JSON_MAP)
                        .getResponseBody())
                .containsEntry("total", 0);
    }

    @Test
    void updateChangesOnlyTheFieldsPresent() {
        CatalogFixtures.Genre first = catalog.genre();
        CatalogFixtures.Genre second = catalog.genre();
        String name = CatalogFixtures.word() + " Glass Houses";
        UUID id = catalog.title(
                name,
                Map.of(
                        "synopsis_short",
                        "Short.",
                        "release_year",
                        2022,
                        "age_rating",
                        "TV-PG",
                        "mood_tags",
                        List.of("quirky"),
                        "genre_ids",
                        List.of(first.id()),
                        "cast",
                        List.of(Map.of("person_name", "Old Star", "role", "actor"))));

        Map<String, Object> changed = patch(
                        "/titles/{id}", id, json("release_year", 2023, "synopsis_short", null, "mood_tags", null))
                .expectStatus()
                .isOk()
                .returnResult(JSON_MAP)
                .getResponseBody();
        assertThat(changed)
                .containsEntry("title", name)
                .containsEntry("release_year", 2023)
                .containsEntry("synopsis_short", null)
                .containsEntry("age_rating", "TV-PG")
                .containsEntry("mood_tags", List.of())
                .containsEntry("genre_ids", List.of(first.id().toString()));
        assertThat((List<?>) changed.get("cast")).hasSize(1);

        Map<String, Object> replaced = catalog.adminCall(
                        http.put().uri(ADMIN + "/titles/{id}", id),
                        Map.of(
                                "genre_ids", List.of(second.id(), first.id()),
                                "cast", List.of(Map.of("person_name", "New Star", "role", "writer")),
                                "is_featured", true))
                .expectStatus()
                .isOk()
                .returnResult(JSON_MAP)
                .getResponseBody();
        assertThat(replaced)
                .containsEntry(
                        "genre_ids", List.of(second.id().toString(), first.id().toString()))
                .containsEntry("is_featured", true)
                .containsEntry("release_year", 2023)
                .containsEntry(
                        "cast", List.of(json("person_name", "New Star", "role", "writer", "character_name", null)));
        assertThat(patch("/titles/{id}", id, Map.of("genre_ids", List.of(), "cast", List.of()))
                        .returnResult(JSON_MAP)
                        .getResponseBody())
                .containsEntry("genre_ids", List.of())
                .containsEntry("cast", List.of());
        assertThat(events.ofType(TitleChanged.class)).contains(new TitleChanged(id));

        invalid(patch("/titles/{id}", id, json("title", null, "is_featured", null)), "title", "is_featured");
        invalid(
                patch("/titles/{id}", id, Map.of("title_type", "documentary", "age_rating", "R")),
                "title_type",
                "age_rating");
        invalid(patch("/titles/{id}", id, Map.of("release_year", "soon")), "release_year");
        invalid(patch("/titles/{id}", id, Map.of("cast", List.of(Map.of("role", "actor")))), "cast[0].person_name");
        invalid(patch("/titles/{id}", id, Map.of("genre_ids", List.of(UUID.randomUUID()))), "genre_ids");
        invalid(catalog.adminCall(http.patch().uri(ADMIN + "/titles/{id}", id), List.of()), "body");
        problem(
                patch("/titles/{id}", UUID.randomUUID(), Map.of("release_year", 2000)),
                HttpStatus.NOT_FOUND,
                "Title not found");
        assertThat(catalog.adminGet(ADMIN + "/titles/{id}", id)
                        .returnResult(JSON_MAP)
                        .getResponseBody())
                .containsEntry("title", name)
                .containsEntry("release_year", 2023);
    }

    @Test
    void seasonsBelongToSeriesAndTheirNumbersAreUnique() {
        String word = CatalogFixtures.word();
        UUID movie = catalog.title(word + " Movie", Map.of());
        UUID series = catalog.title(word + " Series", Map.of("title_type", "series"));
        problem(
                catalog.adminCall(http.post().uri(ADMIN + "/titles/{id}/seasons", movie), Map.of("season_number", 1)),
                HttpStatus.CONFLICT,
                "Only a series has seasons; this title is a movie");
        problem(
                catalog.adminCall(
                        http.post().uri(ADMIN + "/titles/{id}/seasons", UUID.randomUUID()), Map.of("season_number", 1)),
                HttpStatus.NOT_FOUND,
                "Title not found");
        invalid(catalog.adminCall(http.post().uri(ADMIN + "/titles/{id}/seasons", series), Map.of()), "season_number");
        invalid(
                catalog.adminCall(http.post().uri(ADMIN + "/titles/{id}/seasons", series), Map.of("season_number", 0)),
                "season_number");

        UUID one = catalog.season(series, 1);
        UUID two = catalog.season(series, 2);
        problem(
                catalog.adminCall(http.post().uri(ADMIN + "/titles/{id}/seasons", series), Map.of("season_number", 1)),
                HttpStatus.CONFLICT,
                "Season 1 already exists for this title");
        problem(
                patch("/seasons/{id}", two, Map.of("season_number", 1)),
                HttpStatus.CONFLICT,
                "Season 1 already exists for this title");
        assertThat(patch("/seasons/{id}", two, json("name", null, "synopsis", "The second."))
                        .expectStatus()
                        .isOk()
                        .returnResult(JSON_MAP)
                        .getResponseBody())
                .containsEntry("id", two.toString())
                .containsEntry("title_id", series.toString())
                .containsEntry("season_number", 2)
                .containsEntry("name", null)
                .containsEntry("synopsis", "The second.");
        invalid(patch("/seasons/{id}", two, json("season_number", null)), "season_number");
        problem(
                patch("/seasons/{id}", UUID.randomUUID(), Map.of("name", "x")),
                HttpStatus.NOT_FOUND,
                "Season not found");

        problem(
                patch("/titles/{id}", series, Map.of("title_type", "movie")),
                HttpStatus.CONFLICT,
                "A series with seasons cannot become a movie; delete its seasons first");
        catalog.adminDelete(ADMIN + "/seasons/{id}", one).expectStatus().isNoContent();
        catalog.adminDelete(ADMIN + "/seasons/{id}", two).expectStatus().isNoContent();
        problem(catalog.adminDelete(ADMIN + "/seasons/{id}", two), HttpStatus.NOT_FOUND, "Season not found");
        patch("/titles/{id}", series, Map.of("title_type", "movie"))
                .expectStatus()
                .isOk();
    }

    @Test
    void episodeNumbersAreUniqueWithinASeason() {
        UUID series = catalog.title(CatalogFixtures.word() + " Episodic", Map.of("title_type", "series"));
        UUID season = catalog.season(series, 1);
        UUID first = catalog.episode(season, 1, Map.of());
        UUID second = catalog.episode(season, 2, Map.of());
        problem(
                catalog.adminCall(
                        http.post().uri(ADMIN + "/seasons/{id}/episodes", season),
                        Map.of("episode_number", 1, "title", "Again")),
                HttpStatus.CONFLICT,
                "Episode 1 already exists in this season");
        problem(
                patch("/episodes/{id}", second, Map.of("episode_number", 1)),
                HttpStatus.CONFLICT,
                "Episode 1 already exists in this season");
        invalid(
                catalog.adminCall(http.post().uri(ADMIN + "/seasons/{id}/episodes", season), Map.of()),
                "episode_number",
                "title");
        invalid(
                catalog.adminCall(
                        http.post().uri(ADMIN + "/seasons/{id}/episodes", season),
                        Map.of("episode_number", 3, "title", "Three", "hls_manifest_url", "file:///etc/passwd")),
                "hls_manifest_url");
        problem(
                catalog.adminCall(
                        http.post().uri(ADMIN + "/seasons/{id}/episodes", UUID.randomUUID()),
                        Map.of("episode_number", 1, "title", "Orphan")),
                HttpStatus.NOT_FOUND,
                "Season not found");

        Map<String, Object> change = json(
                "title",
                "Second, renamed",
                "hls_manifest_url",
                "https://streams.example.com/e2.m3u8",
                "synopsis",
                null);
        assertThat(patch("/episodes/{id}", second, change)
                        .expectStatus()
                        .isOk()
                        .returnResult(JSON_MAP)
                        .getResponseBody())
                .containsEntry("id", second.toString())
                .containsEntry("season_id", season.toString())
                .containsEntry("series_id", series.toString())
                .containsEntry("season_number", 1)
                .containsEntry("episode_number", 2)
                .containsEntry("title", "Second, renamed")
                .containsEntry("hls_manifest_url", "https://streams.example.com/e2.m3u8");
        invalid(patch("/episodes/{id}", second, json("title", null)), "title");
        problem(
                patch("/episodes/{id}", UUID.randomUUID(), Map.of("title", "x")),
                HttpStatus.NOT_FOUND,
                "Episode not found");

        catalog.adminDelete(ADMIN + "/episodes/{id}", first).expectStatus().isNoContent();
        problem(catalog.adminDelete(ADMIN + "/episodes/{id}", first), HttpStatus.NOT_FOUND, "Episode not found");
        assertThat(events.ofType(EpisodeRemoved.class)).contains(new EpisodeRemoved(first, series));
        assertThat(events.ofType(EpisodePublished.class)).contains(new EpisodePublished(second, series, 1, 2));
    }

    @Test
    void deletingATitleTakesItsSeasonsAndEpisodes() {
        UUID series = catalog.title(CatalogFixtures.word() + " Doomed", Map.of("title_type", "series"));
        UUID season = catalog.season(series, 1);
        UUID episode = catalog.episode(season, 1, Map.of());
        UUID otherSeason = catalog.season(series, 2);
        UUID inOtherSeason = catalog.episode(otherSeason, 1, Map.of());
        Account viewer = TestAccounts.register(http);

        catalog.adminDelete(ADMIN + "/seasons/{id}", otherSeason).expectStatus().isNoContent();
        assertThat(events.ofType(EpisodeRemoved.class)).contains(new EpisodeRemoved(inOtherSeason, series));
        catalog.get(viewer, CATALOG + "/episodes/{id}", inOtherSeason)
                .expectStatus()
                .isNotFound();

        catalog.adminDelete(ADMIN + "/titles/{id}", series).expectStatus().isNoContent();
        assertThat(events.ofType(TitleRemoved.class)).contains(new TitleRemoved(series));
        problem(catalog.adminGet(ADMIN + "/titles/{id}", series), HttpStatus.NOT_FOUND, "Title not found");
        problem(catalog.adminDelete(ADMIN + "/titles/{id}", series), HttpStatus.NOT_FOUND, "Title not found");
        catalog.get(viewer, CATALOG + "/titles/{id}", series).expectStatus().isNotFound();
        catalog.get(viewer, CATALOG + "/episodes/{id}", episode).expectStatus().isNotFound();
        problem(catalog.adminDelete(ADMIN + "/seasons/{id}", season), HttpStatus.NOT_FOUND, "Season not found");
    }

    @Test
    void theAdminListIsNewestFirstAndPaged() {
        String word = CatalogFixtures.word();
        List<UUID> created = new ArrayList<>();
        IntStream.rangeClosed(1, 3)
                .forEach(i -> created.add(catalog.title(word + " Part " + i, Map.of("release_year", 2000 + i))));
        Map<String, Object> page = catalog.adminGet(ADMIN + "/titles?q={q}&page_size=2", word.toUpperCase())
                .expectStatus()
                .isOk()
                .returnResult(JSON_MAP)
                .getResponseBody();
        assertThat(page).containsEntry("total", 3).containsEntry("page", 1).containsEntry("page_size", 2);
        assertThat(field(page, "id"))
                .containsExactly(created.get(2).toString(), created.get(1).toString());
        assertThat(CatalogFixtures.items(page).get(0))
                .containsKeys(
                        "title", "title_type", "release_year", "age_rating", "poster_url", "is_featured", "created_at");
        invalid(catalog.adminGet(ADMIN + "/titles?page_size=101"), "page_size");
    }

    @Test
    void statsCountTitles() {
        catalog.title(CatalogFixtures.word() + " Counted", Map.of());
        Map<String, Object> stats =
                catalog.adminGet(ADMIN + "/stats").returnResult(JSON_MAP).getResponseBody();
        long titles = jdbc.sql("SELECT count(*) FROM titles").query(Long.class).single();
        assertThat(((Number) stats.get("title_count")).longValue()).isEqualTo(titles);
    }

    @Test
    void genresHaveUniqueNamesAndSlugsAndLeaveTheirTitlesWhenDeleted() {
        CatalogFixtures.Genre genre = catalog.genre();
        problem(
                catalog.adminCall(http.post().uri(ADMIN + "/genres"), Map.of("name", genre.name())),
                HttpStatus.CONFLICT,
                "A genre with this name or slug already exists");
        problem(
                catalog.adminCall(http.post().uri(ADMIN + "/genres"), Map.of("name", "Other", "slug", genre.slug())),
                HttpStatus.CONFLICT,
                "A genre with this name or slug already exists");
        invalid(
                catalog.adminCall(http.post().uri(ADMIN + "/genres"), Map.of("name", "X", "slug", "Not A Slug")),
                "slug");
        invalid(catalog.adminCall(http.post().uri(ADMIN + "/genres"), Map.of("name", " ")), "name");
        invalid(catalog.adminCall(http.post().uri(ADMIN + "/genres"), Map.of("name", "!!!")), "slug");

        UUID title = catalog.title(CatalogFixtures.word() + " Genred", Map.of("genre_ids", List.of(genre.id())));
        catalog.adminDelete(ADMIN + "/genres/{id}", genre.id()).expectStatus().isNoContent();
        assertThat(events.ofType(TitleChanged.class)).contains(new TitleChanged(title));
        assertThat(catalog.adminGet(ADMIN + "/titles/{id}", title)
                        .returnResult(JSON_MAP)
                        .getResponseBody())
                .containsEntry("genre_ids", List.of());
        problem(catalog.adminDelete(ADMIN + "/genres/{id}", genre.id()), HttpStatus.NOT_FOUND, "Genre not found");
    }

    private RestTestClient.ResponseSpec patch(String path, UUID id, Object body) {
        return catalog.adminCall(http.patch().uri(ADMIN + path, id), body);
    }
}
