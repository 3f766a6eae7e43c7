package io.marquee.discovery.internal;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * all-MiniLM-L6-v2 in process (ONNX Runtime; the model ships inside the Maven artifact). Loaded once, on a background
 * thread as the application starts, and warmed with one text, so neither start-up nor the first request waits for
 * it. Vectors are L2-normalised here (a no-op when the model already did), so cosine distance is well defined.
 *
 * <p>When the model cannot load (or {@code marquee.discovery.model-enabled} is off) the application still runs:
 * {@link #available()} is false and {@link #embed} throws {@link ModelUnavailableException}.
 */
@Component
class TextEmbedder {

    static final String MODEL_VERSION = "all-MiniLM-L6-v2";
    static final int DIMENSIONS = 384;

    private static final Logger log = LoggerFactory.getLogger(TextEmbedder.class);

    private final CompletableFuture<EmbeddingModel> model;

    @Autowired
    TextEmbedder(DiscoverySettings settings) {
        this(settings.modelEnabled() ? AllMiniLmL6V2EmbeddingModel::new : null);
    }

    /** @param loader makes the model; {@code null}: no model */
    TextEmbedder(Supplier<EmbeddingModel> loader) {
        if (loader == null) {
            log.warn("Embedding model disabled (marquee.discovery.model-enabled=false): search runs in keyword mode");
            model = CompletableFuture.failedFuture(new ModelUnavailableException("disabled"));
            return;
        }
        model = new CompletableFuture<>();
        Thread loading = new Thread(() -> load(loader), "embedding-model-loader");
        loading.setDaemon(true);
        loading.start();
    }

    private void load(Supplier<EmbeddingModel> loader) {
        long started = System.nanoTime();
        try {
            EmbeddingModel loaded = loader.get();
            float[] warm = loaded.embed("warm up").content().vector();
            if (warm.length != DIMENSIONS) {
                throw new IllegalStateException("expected " + DIMENSIONS + " dimensions, got " + warm.length);
            }
            log.info("Embedding model {} loaded in {} ms", MODEL_VERSION, (System.nanoTime() - started) / 1_000_000);
            model.complete(loaded);
        } catch (Throwable e) { // native libraries and class initialisers fail with Errors
            log.error("Embedding model {} could not be loaded: search runs in keyword mode", MODEL_VERSION, e);
            model.completeExceptionally(new ModelUnavailableException(e.toString()));
        }
    }

    /** Whether the model has loaded; false while it is still loading or when it failed. Never blocks. */
    boolean available() {
        return model.isDone() && !model.isCompletedExceptionally();
    }

    /** Whether the model will never be available (failed to load, or disabled). Never blocks. */
    boolean unavailable() {
        return model.isCompletedExceptionally();
    }

    /** One unit vector per text, in order; waits for the model if it is still loading. */
    List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return loaded().embedAll(segments).content().stream()
                .map(Embedding::vector)
                .map(TextEmbedder::normalised)
                .toList();
    }

    float[] embed(String text) {
        return embed(List.of(text)).get(0);
    }

    private EmbeddingModel loaded() {
        try {
            return model.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof ModelUnavailableException unavailable
                    ? unavailable
                    : new ModelUnavailableException(String.valueOf(e.getCause()));
        }
    }

    static float[] normalised(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        double norm = Math.sqrt(sum);
        if (norm == 0 || Math.abs(norm - 1) < 1e-6) {
            return vector;
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }

    /** pgvector's text form, {@code [x,y,…]}, for {@code CAST(:v AS vector)}. */
    static String literal(float[] vector) {
        StringBuilder out = new StringBuilder(vector.length * 12).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(vector[i]);
        }
        return out.append(']').toString();
    }

    /** The model is not there: it failed to load or is disabled. */
    static final class ModelUnavailableException extends RuntimeException {
        ModelUnavailableException(String reason) {
            super("embedding model unavailable: " + reason, null, false, false);
        }
    }
}
