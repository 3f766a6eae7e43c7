package io.marquee.catalog.internal;

import io.marquee.platform.admin.StatsContributor;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class CatalogStats implements StatsContributor {

    private final CatalogReads reads;

    CatalogStats(CatalogReads reads) {
        this.reads = reads;
    }

    @Override
    public Map<String, Long> stats() {
        return Map.of("title_count", reads.titleCount());
    }
}
