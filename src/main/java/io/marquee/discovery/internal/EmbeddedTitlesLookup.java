package io.marquee.discovery.internal;

import io.marquee.catalog.EmbeddedTitles;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the catalog admin which titles have an embedding ({@code has_embedding}). */
@Component
class EmbeddedTitlesLookup implements EmbeddedTitles {

    private final JdbcClient jdbc;

    EmbeddedTitlesLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<UUID> among(Collection<UUID> titleIds) {
        return new HashSet<>(jdbc.sql("SELECT title_id FROM content_embeddings WHERE title_id = ANY(:ids)")
                .param("ids", titleIds.toArray(UUID[]::new))
                .query(UUID.class)
                .list());
    }
}
