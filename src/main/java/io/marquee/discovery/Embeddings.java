package io.marquee.discovery;

/** The title embeddings that semantic and hybrid search read, for the modules that write titles past the catalog API. */
public interface Embeddings {

    /**
     * Embeds, synchronously, every title whose embedding is missing or was computed from other text; titles whose
     * text is unchanged are skipped. Returns how many titles were embedded; 0 (with a warning in the log) when the
     * model is unavailable, so callers such as the demo load never fail on it.
     */
    int refreshMissing();
}
