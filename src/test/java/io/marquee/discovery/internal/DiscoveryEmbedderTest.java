package io.marquee.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The real model (shipped in the jar), fusion and labels, without a Spring context. */
class DiscoveryEmbedderTest {

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    @Test
    void theShippedModelGivesUnitVectorsThatPlaceMeaningsNearEachOther() {
        TextEmbedder embedder = new TextEmbedder(new DiscoverySettings(
                true, 32, 0.2, 50, 100, Duration.ZERO, 20, Duration.ofDays(30), Duration.ofDays(7)));

        List<float[]> vectors = embedder.embed(List.of(
                "An astronaut stranded on Mars grows potatoes to survive",
                "A space traveller stuck on another planet fights to stay alive",
                "A pastry chef opens a small bakery in Paris"));

        assertThat(vectors).allSatisfy(v -> {
            assertThat(v).hasSize(TextEmbedder.DIMENSIONS);
            assertThat(dot(v, v)).isCloseTo(1.0, within(1e-4));
        });
        assertThat(dot(vectors.get(0), vectors.get(1))).isGreaterThan(dot(vectors.get(0), vectors.get(2)) + 0.2);
        assertThat(embedder.available()).isTrue();
        assertThat(embedder.unavailable()).isFalse();
        assertThat(embedder.embed(List.of())).isEmpty();
    }

    @Test
    void aModelThatCannotLoadLeavesTheEmbedderUnavailable() {
        TextEmbedder broken = new TextEmbedder(() -> {
            throw new UnsatisfiedLinkError("no onnxruntime for this platform");
        });

        assertThatThrownBy(() -> broken.embed("anything"))
                .isInstanceOf(TextEmbedder.ModelUnavailableException.class)
                .hasMessageContaining("onnxruntime");
        assertThat(broken.unavailable()).isTrue();
        assertThat(broken.available()).isFalse();

        TextEmbedder disabled =
                new TextEmbedder((java.util.function.Supplier<dev.langchain4j.model.embedding.EmbeddingModel>) null);
        assertThat(disabled.unavailable()).isTrue();
        assertThatThrownBy(() -> disabled.embed("anything")).isInstanceOf(TextEmbedder.ModelUnavailableException.class);
    }

    @Test
    void vectorsAreNormalisedAndWrittenInPgvectorsTextForm() {
        assertThat(TextEmbedder.normalised(new float[] {3, 4})).containsExactly(0.6f, 0.8f);
        float[] unit = {0.6f, 0.8f};
        assertThat(TextEmbedder.normalised(unit)).isSameAs(unit);
        assertThat(TextEmbedder.normalised(new float[] {0, 0})).containsExactly(0f, 0f);
        assertThat(TextEmbedder.literal(new float[] {0.5f, -1f})).isEqualTo("[0.5,-1.0]");
    }

    @Test
    void reciprocalRankFusionWithK60KeepsFirstAppearanceOnTies() {
        UUID a = new UUID(0, 1);
        UUID b = new UUID(0, 2);
        UUID c = new UUID(0, 3);
        UUID d = new UUID(0, 4);
        // keyword: a(1) b(2) c(3); semantic: c(1) d(2) a(3)
        // a = 1/61 + 1/63 = 0.032266; c = 1/63 + 1/61 = 0.032266 (tie: a first, keyword order)
        // b = 1/62 = 0.016129; d = 1/62 = 0.016129 (tie: b first, keyword hits before semantic-only ones)
        assertThat(DiscoverySearch.fuse(List.of(a, b, c), List.of(c, d, a))).containsExactly(a, c, b, d);
        // keyword: a b; semantic: b: b = 1/62 + 1/61 beats a = 1/61
        assertThat(DiscoverySearch.fuse(List.of(a, b), List.of(b))).containsExactly(b, a);
        assertThat(DiscoverySearch.fuse(List.of(), List.of(d, c))).containsExactly(d, c);
    }

    @Test
    void semanticLabelsFollowThePocThresholds() {
        assertThat(DiscoverySearch.semanticLabel(0.61)).isEqualTo("Strongly related themes");
        assertThat(DiscoverySearch.semanticLabel(0.6)).isEqualTo("Similar themes");
        assertThat(DiscoverySearch.semanticLabel(0.41)).isEqualTo("Similar themes");
        assertThat(DiscoverySearch.semanticLabel(0.4)).isEqualTo("Related content");
        assertThat(DiscoverySearch.semanticLabel(0.2)).isNull();
    }
}
