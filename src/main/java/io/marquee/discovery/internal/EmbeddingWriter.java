package io.marquee.discovery.internal;

import io.marquee.discovery.Embeddings;
import io.marquee.discovery.internal.EmbeddingStore.TitleText;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Computes and stores embeddings for titles whose text changed (or all of them), batch by batch. */
@Component
class EmbeddingWriter implements Embeddings {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingWriter.class);

    private final EmbeddingStore store;
    private final TextEmbedder embedder;
    private final DiscoverySettings settings;
    private final MeterRegistry meters;

    EmbeddingWriter(EmbeddingStore store, TextEmbedder embedder, DiscoverySettings settings, MeterRegistry meters) {
        this.store = store;
        this.embedder = embedder;
        this.settings = settings;
        this.meters = meters;
    }

    @Override
    public int refreshMissing() {
        try {
            List<UUID> stale = store.staleIds(false);
            int written = 0;
            for (int from = 0; from < stale.size(); from += settings.batchSize()) {
                written += refresh(stale.subList(from, Math.min(stale.size(), from + settings.batchSize())), false);
            }
            return written;
        } catch (TextEmbedder.ModelUnavailableException e) {
            log.warn("Titles not embedded: {}", e.getMessage());
            return 0;
        }
    }

    /**
     * Embeds those of {@code titleIds} whose text changed since their embedding was made (all of them with
     * {@code regenerate}) in one model call and one transaction; returns how many were written.
     *
     * @throws TextEmbedder.ModelUnavailableException when the model is not there
     */
    int refresh(Collection<UUID> titleIds, boolean regenerate) {
        List<TitleText> texts = store.stale(titleIds, regenerate);
        if (texts.isEmpty()) {
            return 0;
        }
        List<float[]> vectors =
                embedder.embed(texts.stream().map(TitleText::text).toList());
        store.save(texts, vectors);
        meters.counter("marquee.discovery.embeddings.written").increment(texts.size());
        return texts.size();
    }
}
