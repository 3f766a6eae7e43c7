package io.marquee.discovery.internal;

import io.marquee.platform.admin.StatsContributor;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class EmbeddingStats implements StatsContributor {

    private final EmbeddingStore store;

    EmbeddingStats(EmbeddingStore store) {
        this.store = store;
    }

    @Override
    public Map<String, Long> stats() {
        return Map.of("embedding_count", store.count());
    }
}
