package io.marquee.discovery.internal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Discovery settings ({@code marquee.discovery.*}).
 *
 * @param modelEnabled load the embedding model at start-up; off, semantic and hybrid search answer in keyword mode
 *     with {@code fallback_reason: model_unavailable} (as they do when the model fails to load)
 * @param batchSize titles embedded (and written) together by the admin job and the demo load
 * @param minSimilarity the least cosine similarity of a semantic hit (PoC §3.6: 0.2)
 * @param candidates the depth of each ranked list that hybrid search fuses (at least the page size)
 * @param efSearch {@code hnsw.ef_search} for semantic queries (pgvector's default is 40)
 * @param railSize the most items of a home rail (PoC §3.7: 20)
 * @param trendingWindow how far back Trending looks at bookmarks
 * @param trendingDecay Trending weighs a viewer {@code exp(−age / trendingDecay)} (PoC: 7 days)
 * @param jobAbandonedAfter a running admin job whose progress has not moved for this long (its instance died) no
 *     longer blocks a new one
 */
@Validated
@ConfigurationProperties("marquee.discovery")
record DiscoverySettings(
        @DefaultValue("true") boolean modelEnabled,
        @Min(1) @Max(256) @DefaultValue("32") int batchSize,

        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.2")
        double minSimilarity,

        @Min(1) @Max(1000) @DefaultValue("50") int candidates,
        @Min(1) @Max(1000) @DefaultValue("100") int efSearch,
        @DefaultValue("10m") Duration jobAbandonedAfter,
        @Min(1) @Max(100) @DefaultValue("20") int railSize,
        @DefaultValue("30d") Duration trendingWindow,
        @DefaultValue("7d") Duration trendingDecay) {}
