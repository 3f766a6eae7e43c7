package io.marquee.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marquee.catalog.CatalogFixtures;
import io.marquee.support.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The scheduled safety net embeds titles whose embedding went missing (e.g. written past the catalog's events). */
@IntegrationTest
class DiscoveryRefreshIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddingRefresh refresh;

    int embeddings(UUID titleId) {
        return jdbc.sql("SELECT count(*) FROM content_embeddings WHERE title_id = :id")
                .param("id", titleId)
                .query(Integer.class)
                .single();
    }

    @Test
    void theRefreshJobEmbedsTitlesWithoutAnEmbedding() {
        UUID id = new CatalogFixtures(http, jdbc).title(CatalogFixtures.word() + " Copper Valley", Map.of());
        await().atMost(Duration.ofSeconds(60)).until(() -> embeddings(id) == 1);
        jdbc.sql("DELETE FROM content_embeddings WHERE title_id = :id")
                .param("id", id)
                .update();

        refresh.run();

        assertThat(embeddings(id)).isEqualTo(1);
    }
}
