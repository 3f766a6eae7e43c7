package io.marquee.discovery.internal;

import io.marquee.catalog.TitleChanged;
import io.marquee.catalog.TitlePublished;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps embeddings current as titles are created and edited: after the catalog's transaction commits, in the
 * background, a title is (re-)embedded only when its text (the recipe's hash) changed. Deleted titles lose their
 * embedding by the foreign key's cascade.
 */
@Component
class TitleEmbeddingListener {

    private static final Logger log = LoggerFactory.getLogger(TitleEmbeddingListener.class);

    private final EmbeddingWriter writer;

    TitleEmbeddingListener(EmbeddingWriter writer) {
        this.writer = writer;
    }

    @ApplicationModuleListener
    void on(TitlePublished event) {
        refresh(event.titleId());
    }

    @ApplicationModuleListener
    void on(TitleChanged event) {
        refresh(event.titleId());
    }

    private void refresh(UUID titleId) {
        try {
            writer.refresh(List.of(titleId), false);
        } catch (TextEmbedder.ModelUnavailableException e) {
            // nothing to retry until the model is back; the admin job catches up on every stale title then
            log.warn("Title {} not embedded: {}", titleId, e.getMessage());
        }
    }
}
