package io.marquee.discovery.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.marquee.catalog.KeywordHit;
import io.marquee.catalog.KeywordSearch;
import io.marquee.catalog.TitleCard;
import io.marquee.catalog.TitleCards;
import io.marquee.discovery.internal.EmbeddingStore.SemanticHit;
import io.marquee.identity.AgeRating;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keyword, semantic and hybrid search (SPEC §6, PoC §3.6). Keyword is the catalog's one keyword predicate; semantic is
 * the cosine distance to the query's embedding; hybrid fuses the two ranked lists with Reciprocal Rank Fusion. The
 * answer's {@code mode} is the mode that ran, with {@code fallback_reason} when that is not the one asked for.
 */
@Service
class DiscoverySearch {

    /** Reciprocal Rank Fusion's constant: score = Σ 1 / (K + rank), rank from 1. */
    static final int RRF_K = 60;

    /** Semantic and hybrid need a query this long (after trimming); shorter ones run as keyword. */
    static final int MIN_SEMANTIC_LENGTH = 3;

    static final String SEPARATOR = " · ";

    private static final Logger log = LoggerFactory.getLogger(DiscoverySearch.class);

    private final KeywordSearch keyword;
    private final TitleCards cards;
    private final EmbeddingStore store;
    private final TextEmbedder embedder;
    private final DiscoverySettings settings;
    private final MeterRegistry meters;

    DiscoverySearch(
            KeywordSearch keyword,
            TitleCards cards,
            EmbeddingStore store,
            TextEmbedder embedder,
            DiscoverySettings settings,
            MeterRegistry meters) {
        this.keyword = keyword;
        this.cards = cards;
        this.store = store;
        this.embedder = embedder;
        this.settings = settings;
        this.meters = meters;
    }

    enum Mode {
        keyword,
        semantic,
        hybrid
    }

    /** A {@link TitleCard} with why it matched. */
    record SearchItem(@JsonUnwrapped TitleCard card, String matchReason, String matchType, Double similarityScore) {}

    /**
     * @param fallbackReason why {@code mode} is not the requested one ({@code query_too_short},
     *     {@code model_unavailable}, {@code no_embeddings}); {@code null} when it is
     */
    record SearchResponse(List<SearchItem> items, int total, String query, String mode, String fallbackReason) {}

    SearchResponse search(UUID userId, String q, Mode requested, int limit, AgeRating ratingLimit) {
        Mode mode = requested;
        String fallback = null;
        if (mode != Mode.keyword) {
            if (q.strip().length() < MIN_SEMANTIC_LENGTH) {
                fallback = "query_too_short";
            } else if (embedder.unavailable()) {
                fallback = "model_unavailable";
            } else if (!store.any()) {
                fallback = "no_embeddings";
            }
        }
        List<SemanticHit> semantic = List.of();
        if (fallback == null && mode != Mode.keyword) {
            try {
                semantic = store.nearest(
                        TextEmbedder.literal(embedder.embed(q)),
                        ratingLimit,
                        settings.minSimilarity(),
                        List.of(),
                        mode == Mode.hybrid ? Math.max(limit, settings.candidates()) : limit,
                        settings.efSearch());
            } catch (TextEmbedder.ModelUnavailableException e) {
                log.warn("Semantic search unavailable, answering in keyword mode: {}", e.getMessage());
                fallback = "model_unavailable";
            }
        }
        if (fallback != null) {
            mode = Mode.keyword;
        }
        List<KeywordHit> keywordHits = mode == Mode.semantic
                ? List.of()
                : keyword.rank(q, ratingLimit, mode == Mode.hybrid ? Math.max(limit, settings.candidates()) : limit);
        List<UUID> order = switch (mode) {
            case keyword -> keywordHits.stream().map(KeywordHit::titleId).toList();
            case semantic -> semantic.stream().map(SemanticHit::titleId).toList();
            case hybrid ->
                fuse(
                        keywordHits.stream().map(KeywordHit::titleId).toList(),
                        semantic.stream().map(SemanticHit::titleId).toList());
        };
        if (order.size() > limit) {
            order = order.subList(0, limit);
        }
        Map<UUID, KeywordHit> byKeyword =
                keywordHits.stream().collect(Collectors.toMap(KeywordHit::titleId, Function.identity(), (a, b) -> a));
        Map<UUID, SemanticHit> bySemantic =
                semantic.stream().collect(Collectors.toMap(SemanticHit::titleId, Function.identity(), (a, b) -> a));
        List<SearchItem> items = cards.of(userId, order, ratingLimit).stream()
                .map(card -> item(card, byKeyword.get(card.id()), bySemantic.get(card.id())))
                .toList();
        meters.counter("marquee.search.requests", "mode", mode.name()).increment();
        return new SearchResponse(items, items.size(), q, mode.name(), fallback);
    }

    /**
     * Reciprocal Rank Fusion with {@link #RRF_K}; ties keep first appearance (keyword hits in keyword order, then
     * semantic-only hits in semantic order).
     */
    static List<UUID> fuse(List<UUID> keywordOrder, List<UUID> semanticOrder) {
        Map<UUID, Double> scores = new LinkedHashMap<>();
        for (List<UUID> ranked : List.of(keywordOrder, semanticOrder)) {
            for (int i = 0; i < ranked.size(); i++) {
                scores.merge(ranked.get(i), 1.0 / (RRF_K + i + 1), Double::sum);
            }
        }
        List<Map.Entry<UUID, Double>> entries = new ArrayList<>(scores.entrySet());
        entries.sort(Map.Entry.<UUID, Double>comparingByValue(Comparator.reverseOrder())); // stable: keeps ties
        return entries.stream().map(Map.Entry::getKey).toList();
    }

    private static SearchItem item(TitleCard card, KeywordHit keywordHit, SemanticHit semanticHit) {
        List<String> reasons = new ArrayList<>();
        if (keywordHit != null) {
            reasons.add(keywordHit.matchReason());
        }
        if (semanticHit != null) {
            String label = semanticLabel(semanticHit.similarity());
            if (label != null) {
                reasons.add(label);
            }
        }
        String type = keywordHit != null && semanticHit != null ? "both" : keywordHit != null ? "keyword" : "semantic";
        return new SearchItem(
                card,
                reasons.isEmpty() ? "Match" : String.join(SEPARATOR, reasons),
                type,
                semanticHit == null ? null : round(semanticHit.similarity()));
    }

    /** PoC §3.6: above 0.6 strongly related, above 0.4 similar, above 0.2 related; none at or below 0.2. */
    static String semanticLabel(double similarity) {
        if (similarity > 0.6) {
            return "Strongly related themes";
        }
        if (similarity > 0.4) {
            return "Similar themes";
        }
        return similarity > 0.2 ? "Related content" : null;
    }

    /** A similarity as answered: 4 decimals. */
    static double round(double similarity) {
        return Math.round(similarity * 10_000) / 10_000.0;
    }
}
