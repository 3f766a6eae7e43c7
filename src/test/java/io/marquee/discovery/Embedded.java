package io.marquee.discovery;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Titles created through the admin API are embedded in the background, after their commit. */
final class Embedded {

    private Embedded() {}

    static void awaitEmbeddings(JdbcClient jdbc, UUID... titleIds) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT count(*) FROM content_embeddings WHERE title_id = ANY(:ids)")
                                .param("ids", titleIds)
                                .query(Integer.class)
                                .single()
                        == titleIds.length);
    }
}
