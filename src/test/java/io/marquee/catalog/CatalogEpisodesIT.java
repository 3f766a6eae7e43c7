package io.marquee.catalog;

import static io.marquee.catalog.CatalogFixtures.CATALOG;
import static io.marquee.catalog.CatalogFixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.support.IntegrationTest;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** {@code GET /catalog/episodes/{id}}: an episode resolved to its series and season, with its neighbours. */
@IntegrationTest
class CatalogEpisodesIT {

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
    void neighboursFollowTheSeriesOrderAcrossSeasonBoundaries() {
        String name = CatalogFixtures.word() + " Saga";
        UUID series = catalog.title(name, Map.of("title_type", "series", "age_rating", "TV-14"));
        UUID seasonThree = catalog.season(series, 3);
        UUID seasonOne = catalog.season(series, 1);
        UUID s3e2 = catalog.episode(seasonThree, 2, Map.of());
        UUID s1e2 = catalog.episode(seasonOne, 2, Map.of());
        UUID s3e1 = catalog.episode(seasonThree, 1, Map.of());
        UUID s1e1 = catalog.episode(
                seasonOne, 1, Map.of("title", "Pilot", "synopsis", "Where it starts.", "duration_minutes", 48));
        catalog.season(series, 2); // a season without episodes is skipped
        UUID otherSeries = catalog.title(name + " Spin-off", Map.of("title_type", "series"));
        catalog.episode(catalog.season(otherSeries, 1), 1, Map.of());

        Map<String, Object> first = catalog.getOk(viewer, CATALOG + "/episodes/{id}", s1e1);
        assertThat(first)
                .containsEntry("id", s1e1.toString())
                .containsEntry("episode_number", 1)
                .containsEntry("title", "Pilot")
                .containsEntry("synopsis", "Where it starts.")
                .containsEntry("duration_minutes", 48)
                .containsEntry("entitled", false)
                .containsEntry("hls_manifest_url", null)
                .containsEntry("series", Map.of("id", series.toString(), "title", name))
                .containsEntry("season", Map.of("id", seasonOne.toString(), "season_number", 1, "name", "Season 1"))
                .containsEntry("previous_episode", null)
                .containsEntry("next_episode", ref(s1e2, 1, 2));

        Map<String, Object> endOfSeasonOne = catalog.getOk(viewer, CATALOG + "/episodes/{id}", s1e2);
        assertThat(endOfSeasonOne)
                .containsEntry("previous_episode", ref(s1e1, 1, 1))
                .containsEntry("next_episode", ref(s3e1, 3, 1));

        Map<String, Object> startOfSeasonThree = catalog.getOk(viewer, CATALOG + "/episodes/{id}", s3e1);
        assertThat(startOfSeasonThree)
                .containsEntry("season", Map.of("id", seasonThree.toString(), "season_number", 3, "name", "Season 3"))
                .containsEntry("previous_episode", ref(s1e2, 1, 2))
                .containsEntry("next_episode", ref(s3e2, 3, 2));

        Map<String, Object> last = catalog.getOk(viewer, CATALOG + "/episodes/{id}", s3e2);
        assertThat(last).containsEntry("previous_episode", ref(s3e1, 3, 1)).containsEntry("next_episode", null);
    }

    @Test
    void anUnknownEpisodeIsNotFound() {
        problem(
                catalog.get(viewer, CATALOG + "/episodes/{id}", UUID.randomUUID()),
                HttpStatus.NOT_FOUND,
                "Episode not found");
    }

    private static Map<String, Object> ref(UUID id, int season, int episode) {
        return Map.of(
                "id",
                id.toString(),
                "season_number",
                season,
                "episode_number",
                episode,
                "title",
                episode == 1 && season == 1 ? "Pilot" : "Episode " + episode);
    }
}
