package io.marquee.discovery;

import static io.marquee.catalog.CatalogFixtures.ADMIN;
import static io.marquee.catalog.CatalogFixtures.CATALOG;
import static io.marquee.support.TestAccounts.JSON_MAP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marquee.catalog.CatalogFixtures;
import io.marquee.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Embeddings kept current by catalog events, and the admin job through HTTP. */
@IntegrationTest
class DiscoveryEmbeddingsIT {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Embeddings embeddings;

    CatalogFixtures catalog;

    @BeforeEach
    void setUp() {
        catalog = new CatalogFixtures(http, jdbc);
    }

    record Stored(byte[] hash, Instant updatedAt, String model) {}

    Stored stored(UUID titleId) {
        return jdbc.sql("SELECT text_hash, updated_at, model_version FROM content_embeddings WHERE title_id = :id")
                .param("id", titleId)
                .query((rs, n) -> new Stored(rs.getBytes(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .optional()
                .orElse(null);
    }

    /** How many catalog events about the title the discovery listener has completed. */
    int handled(UUID titleId) {
        return jdbc.sql("""
                        SELECT count(*) FROM event_publication
                        WHERE listener_id LIKE '%TitleEmbeddingListener%' AND serialized_event LIKE :id
                          AND completion_date IS NOT NULL""")
                .param("id", "%" + titleId + "%")
                .query(Integer.class)
                .single();
    }

    Stored awaitEmbedded(UUID titleId) {
        await().atMost(WAIT).until(() -> stored(titleId) != null);
        return stored(titleId);
    }

    Map<String, Object> status() {
        return catalog.adminGet(ADMIN + "/embeddings/status")
                .expectStatus()
                .isOk()
                .returnResult(JSON_MAP)
                .getResponseBody();
    }

    UUID generate(String query) {
        Map<String, Object> started = catalog.adminCall(
                        http.post().uri(ADMIN + "/embeddings/generate" + query), Map.of())
                .expectStatus()
                .isAccepted()
                .returnResult(JSON_MAP)
                .getResponseBody();
        assertThat(started).containsKeys("job_id", "state");
        return UUID.fromString((String) started.get("job_id"));
    }

    Map<String, Object> awaitJob(UUID jobId) {
        await().atMost(WAIT).until(() -> {
            Map<String, Object> status = status();
            return jobId.toString().equals(status.get("job_id")) && !"running".equals(status.get("state"));
        });
        return status();
    }

    @Test
    void createdTitlesAreEmbeddedAndReEmbeddedOnlyWhenTheirTextChanges() {
        UUID id = catalog.title(
                CatalogFixtures.word() + " Harbour Lights",
                Map.of("synopsis_short", "A lighthouse keeper guards a stormy coast"));
        Stored first = awaitEmbedded(id);
        assertThat(first.model()).isEqualTo("all-MiniLM-L6-v2");
        assertThat(catalog.adminGet(ADMIN + "/titles/{id}", id)
                        .expectStatus()
                        .isOk()
                        .returnResult(JSON_MAP)
                        .getResponseBody())
                .containsEntry("has_embedding", true);
        Map<String, Object> listed = catalog.adminGet(ADMIN + "/titles?q={q}", "Harbour Lights")
                .expectStatus()
                .isOk()
                .returnResult(JSON_MAP)
                .getResponseBody();
        assertThat(CatalogFixtures.items(listed))
                .filteredOn(item -> id.toString().equals(item.get("id")))
                .singleElement()
                .satisfies(item -> assertThat(item)
                        .containsEntry("has_embedding", true)
                        .containsEntry("title_type", "movie")
                        .containsKey("created_at"));
        await().atMost(WAIT).until(() -> handled(id) == 1);

        // a field outside the text recipe: the event is handled, the embedding left alone
        catalog.adminCall(http.patch().uri(ADMIN + "/titles/{id}", id), Map.of("is_featured", true))
                .expectStatus()
                .isOk();
        await().atMost(WAIT).until(() -> handled(id) == 2);
        assertThat(stored(id).updatedAt()).isEqualTo(first.updatedAt());
        assertThat(stored(id).hash()).isEqualTo(first.hash());

        // the synopsis is part of the text: re-embedded
        catalog.adminCall(
                        http.patch().uri(ADMIN + "/titles/{id}", id),
                        Map.of("synopsis_short", "A lighthouse keeper falls in love with a sailor"))
                .expectStatus()
                .isOk();
        await().atMost(WAIT).until(() -> !java.util.Arrays.equals(stored(id).hash(), first.hash()));
        assertThat(stored(id).updatedAt()).isAfter(first.updatedAt());

        catalog.adminDelete(ADMIN + "/titles/{id}", id).expectStatus().isNoContent();
        assertThat(stored(id)).isNull();
    }

    @Test
    void theAdminJobAnswersAtOnceAndEmbedsOnlyTitlesWithoutACurrentEmbedding() {
        UUID missing = catalog.title(CatalogFixtures.word() + " Quiet Orchard", Map.of());
        UUID current = catalog.title(CatalogFixtures.word() + " Loud Harbour", Map.of());
        awaitEmbedded(missing);
        Stored untouched = awaitEmbedded(current);
        jdbc.sql("DELETE FROM content_embeddings WHERE title_id = :id")
                .param("id", missing)
                .update();
        assertThat(catalog.adminGet(ADMIN + "/titles/{id}", missing)
                        .expectStatus()
                        .isOk()
                        .returnResult(JSON_MAP)
                        .getResponseBody())
                .containsEntry("has_embedding", false);

        UUID job = generate("");
        Map<String, Object> done = awaitJob(job);

        assertThat(done)
                .containsEntry("state", "finished")
                .containsEntry("failed", 0)
                .containsEntry("regenerate", false)
                .containsKeys("total", "done", "started_at", "finished_at");
        assertThat((Integer) done.get("total")).isGreaterThanOrEqualTo(1);
        assertThat(done.get("done")).isEqualTo(done.get("total"));
        assertThat(done.get("finished_at")).isNotNull();
        assertThat(stored(missing)).isNotNull();
        assertThat(stored(current).updatedAt()).isEqualTo(untouched.updatedAt());

        Map<String, Object> stats = catalog.adminGet(ADMIN + "/stats")
                .expectStatus()
                .isOk()
                .returnResult(JSON_MAP)
                .getResponseBody();
        assertThat(((Number) stats.get("embedding_count")).longValue()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void regenerateReEmbedsEveryTitle() {
        UUID id = catalog.title(CatalogFixtures.word() + " Paper Moon Parade", Map.of());
        Stored before = awaitEmbedded(id);

        Map<String, Object> done = awaitJob(generate("?regenerate=true"));

        assertThat(done).containsEntry("state", "finished").containsEntry("regenerate", true);
        assertThat((Integer) done.get("done")).isGreaterThanOrEqualTo(1);
        assertThat(stored(id).updatedAt()).isAfter(before.updatedAt());
        assertThat(stored(id).hash()).isEqualTo(before.hash());
    }

    @Test
    void aSecondJobWhileOneIsRunningOnAnyInstanceIs409() {
        UUID other = UUID.randomUUID(); // a job that another instance is running
        jdbc.sql("INSERT INTO embedding_jobs (id, state, regenerate) VALUES (:id, 'running', false)")
                .param("id", other)
                .update();
        try {
            Map<String, Object> problem = catalog.adminCall(http.post().uri(ADMIN + "/embeddings/generate"), Map.of())
                    .expectStatus()
                    .isEqualTo(HttpStatus.CONFLICT)
                    .returnResult(JSON_MAP)
                    .getResponseBody();
            assertThat(problem).containsEntry("job_id", other.toString()).containsEntry("status", 409);
            assertThat(status()).containsEntry("job_id", other.toString()).containsEntry("state", "running");
        } finally {
            jdbc.sql("UPDATE embedding_jobs SET state = 'finished', finished_at = now() WHERE id = :id")
                    .param("id", other)
                    .update();
        }

        // one whose instance stopped reporting progress long ago no longer blocks
        jdbc.sql("""
                        INSERT INTO embedding_jobs (id, state, regenerate, started_at, updated_at)
                        VALUES (:id, 'running', false, now() - interval '1 hour', now() - interval '1 hour')""").param("id", UUID.randomUUID()).update();
        awaitJob(generate(""));
    }

    @Test
    void theFacadeEmbedsWhatIsMissingAndSkipsUnchangedText() {
        UUID id = catalog.title(CatalogFixtures.word() + " Glass Meridian", Map.of());
        awaitEmbedded(id);
        jdbc.sql("DELETE FROM content_embeddings WHERE title_id = :id")
                .param("id", id)
                .update();

        assertThat(embeddings.refreshMissing()).isGreaterThanOrEqualTo(1);
        assertThat(stored(id)).isNotNull();
        Stored after = stored(id);
        embeddings.refreshMissing();
        assertThat(stored(id).updatedAt()).isEqualTo(after.updatedAt());
    }

    @Test
    void withoutAnyEmbeddingSearchRunsAsKeywordAndSaysWhy() {
        String word = CatalogFixtures.word();
        UUID id = catalog.title(word + " Salt Marsh", Map.of());
        awaitEmbedded(id);
        // no embedding is being written by anyone (tests run one at a time), then there are none
        await().atMost(WAIT).until(() -> jdbc.sql("""
                                SELECT count(*) FROM event_publication
                                WHERE listener_id LIKE '%TitleEmbeddingListener%' AND completion_date IS NULL""").query(Integer.class).single() == 0);
        jdbc.sql("DELETE FROM content_embeddings").update();
        try {
            for (String mode : java.util.List.of("semantic", "hybrid")) {
                Map<String, Object> answer = catalog.getOk(
                        catalog.admin(), CATALOG + "/search/semantic?q={q}&mode={m}", word + " marsh", mode);
                assertThat(answer).containsEntry("mode", "keyword").containsEntry("fallback_reason", "no_embeddings");
                assertThat(CatalogFixtures.field(answer, "id")).containsExactly(id.toString());
            }
        } finally {
            embeddings.refreshMissing();
        }
        assertThat(stored(id)).isNotNull();
    }

    @Test
    void onlyAdminsRunJobs() {
        var viewer = io.marquee.support.TestAccounts.register(http);
        http.post()
                .uri(ADMIN + "/embeddings/generate")
                .header("Authorization", viewer.bearer())
                .exchange()
                .expectStatus()
                .isForbidden();
    }
}
