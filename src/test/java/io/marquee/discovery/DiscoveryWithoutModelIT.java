package io.marquee.discovery;

import static io.marquee.catalog.CatalogFixtures.ADMIN;
import static io.marquee.catalog.CatalogFixtures.CATALOG;
import static io.marquee.catalog.CatalogFixtures.field;
import static io.marquee.support.TestAccounts.JSON_MAP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marquee.catalog.CatalogFixtures;
import io.marquee.support.IntegrationTest;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/** An instance whose embedding model is unavailable still starts, searches by keyword and says so. */
@IntegrationTest
@TestPropertySource(properties = "marquee.discovery.model-enabled=false")
class DiscoveryWithoutModelIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void searchFallsBackToKeywordWithATruthfulModeAndJobsFailWithTheReason() {
        CatalogFixtures catalog = new CatalogFixtures(http, jdbc);
        Account viewer = TestAccounts.register(http);
        String word = CatalogFixtures.word();
        UUID title = catalog.title(word + " Northern Lights", Map.of());

        for (String mode : List.of("semantic", "hybrid")) {
            Map<String, Object> answer =
                    catalog.getOk(viewer, CATALOG + "/search/semantic?q={q}&mode={m}", word + " lights", mode);
            assertThat(answer)
                    .as(mode)
                    .containsEntry("mode", "keyword")
                    .containsEntry("fallback_reason", "model_unavailable");
            assertThat(field(answer, "id")).containsExactly(title.toString());
            assertThat(field(answer, "match_type")).containsExactly("keyword");
        }

        Map<String, Object> started = catalog.adminCall(http.post().uri(ADMIN + "/embeddings/generate"), Map.of())
                .expectStatus()
                .isAccepted()
                .returnResult(JSON_MAP)
                .getResponseBody();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "failed".equals(status(catalog).get("state")));
        Map<String, Object> status = status(catalog);
        assertThat(status).containsEntry("job_id", started.get("job_id"));
        assertThat((String) status.get("error")).contains("embedding model unavailable");
        assertThat(status.get("finished_at")).isNotNull();
    }

    private static Map<String, Object> status(CatalogFixtures catalog) {
        return catalog.adminGet(ADMIN + "/embeddings/status")
                .expectStatus()
                .isOk()
                .returnResult(JSON_MAP)
                .getResponseBody();
    }
}
