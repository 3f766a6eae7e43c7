package io.marquee.viewing;

import static io.marquee.support.TestAccounts.JSON_MAP;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.catalog.CatalogFixtures;
import io.marquee.support.IntegrationTest;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The playback endpoints through HTTP, on catalog content made by the admin API. */
@IntegrationTest
class PlaybackIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    CatalogFixtures catalog;
    Account viewer;
    UUID profile;

    @BeforeEach
    void viewer() {
        catalog = new CatalogFixtures(http, jdbc);
        viewer = TestAccounts.register(http);
        profile = TestAccounts.firstProfileId(http, viewer);
    }

    @Test
    void anEntitledEpisodeStartsThroughItsSeriesAndStaysAliveWithHeartbeats() {
        UUID series = catalog.title(
                "Series " + CatalogFixtures.word(),
                Map.of("title_type", "series", "hls_manifest_url", "https://cdn.test/series.m3u8"));
        UUID episode = catalog.episode(catalog.season(series, 1), 1, Map.of());
        catalog.grantPackage(viewer.id(), series);

        Map<String, Object> started = start("episode", episode, profile)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .value("Location", location -> assertThat(location).startsWith("/api/v1/viewing/sessions/"))
                .returnResult(JSON_MAP)
                .getResponseBody();
        assertThat(started).containsEntry("manifest_url", "https://cdn.test/series.m3u8");

        http.put()
                .uri("/api/v1/viewing/sessions/{id}/heartbeat", started.get("session_id"))
                .header("Authorization", viewer.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.content_type")
                .isEqualTo("episode")
                .jsonPath("$.expires_at")
                .isNotEmpty();
        http.get()
                .uri("/api/v1/viewing/sessions")
                .header("Authorization", viewer.bearer())
                .exchange()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(1);
    }

    @Test
    void badRequestsAreClearProblems() {
        UUID movie = catalog.title("Movie " + CatalogFixtures.word(), Map.of());
        catalog.grantPackage(viewer.id(), movie);
        Account other = TestAccounts.register(http);

        start("movie", UUID.randomUUID(), profile)
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Content not found");
        start("movie", movie, profile)
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("This content has no stream yet");
        start("movie", movie, TestAccounts.firstProfileId(http, other))
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Profile not found or access denied");
        start("podcast", movie, profile).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        http.post()
                .uri("/api/v1/viewing/sessions")
                .header("Authorization", viewer.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("content_type", "movie"))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        http.put()
                .uri("/api/v1/viewing/sessions/{id}/heartbeat", UUID.randomUUID())
                .header("Authorization", viewer.bearer())
                .exchange()
                .expectStatus()
                .isNotFound();
        http.delete()
                .uri("/api/v1/viewing/sessions/{id}", UUID.randomUUID())
                .header("Authorization", viewer.bearer())
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get().uri("/api/v1/viewing/sessions").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aMovieOutsideThePackagesIsRefusedWithItsAccessOptions() {
        UUID movie = catalog.title(
                "Movie " + CatalogFixtures.word(), Map.of("hls_manifest_url", "https://cdn.test/movie.m3u8"));
        UUID packageId = jdbc.sql("""
                        INSERT INTO content_packages (name, tier, max_streams, price_cents)
                        VALUES (:name, 'premium', 4, 1899) RETURNING id
                        """)
                .param("name", "Offer " + CatalogFixtures.word())
                .query(UUID.class)
                .single();
        jdbc.sql("INSERT INTO package_contents (package_id, content_type, content_id) VALUES (:p, 'vod_title', :t)")
                .param("p", packageId)
                .param("t", movie)
                .update();

        start("movie", movie, profile)
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:marquee:problem:not-entitled")
                .jsonPath("$.access_options[0].package_id")
                .isEqualTo(packageId.toString())
                .jsonPath("$.access_options[0].max_streams")
                .isEqualTo(4);
    }

    private RestTestClient.ResponseSpec start(String type, UUID content, UUID profileId) {
        return http.post()
                .uri("/api/v1/viewing/sessions")
                .header("Authorization", viewer.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "content_type", type, "content_id", content.toString(), "profile_id", profileId.toString()))
                .exchange();
    }
}
