package io.marquee.discovery;

import static io.marquee.catalog.CatalogFixtures.CATALOG;
import static io.marquee.catalog.CatalogFixtures.field;
import static io.marquee.catalog.CatalogFixtures.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marquee.catalog.CatalogFixtures;
import io.marquee.support.IntegrationTest;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Keyword, semantic and hybrid search through {@code /catalog/search/semantic}, on titles the test makes. */
@IntegrationTest
class DiscoverySearchIT {

    static final String SEARCH = CATALOG + "/search/semantic?q={q}&mode={mode}&page_size={size}";

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    CatalogFixtures catalog;
    Account viewer;
    String word;
    UUID mars;
    UUID bakery;
    UUID detective;

    @BeforeEach
    void setUp() {
        catalog = new CatalogFixtures(http, jdbc);
        viewer = TestAccounts.register(http);
        word = CatalogFixtures.word();
        mars = catalog.title(
                word + " Red Dust",
                Map.of(
                        "synopsis_short",
                        "An astronaut stranded alone on Mars grows potatoes to survive until rescue",
                        "age_rating",
                        "TV-PG",
                        "mood_tags",
                        List.of("hopeful", "tense")));
        bakery = catalog.title(
                "Flour and Butter " + word,
                Map.of(
                        "synopsis_short",
                        "A pastry chef opens a tiny bakery in Paris and falls in love",
                        "age_rating",
                        "TV-G"));
        detective = catalog.title(
                "Rain City",
                Map.of(
                        "synopsis_short",
                        "A weary detective hunts a serial killer through a rainy city " + word,
                        "age_rating",
                        "TV-MA",
                        "cast",
                        List.of(Map.of("person_name", "Orla " + word, "role", "actor"))));
        Embedded.awaitEmbeddings(jdbc, mars, bakery, detective);
    }

    Map<String, Object> search(String q, String mode, int size) {
        return catalog.getOk(viewer, SEARCH, q, mode, size);
    }

    Map<String, Object> searchAs(UUID profile, String q, String mode) {
        return catalog.getOk(viewer, SEARCH + "&profile_id={p}", q, mode, 50, profile);
    }

    /** The ids of {@code ours} in the order the answer lists them. */
    static List<String> order(Map<String, Object> answer, UUID... ours) {
        List<String> wanted = java.util.Arrays.stream(ours).map(UUID::toString).toList();
        return field(answer, "id").stream()
                .map(String::valueOf)
                .filter(wanted::contains)
                .toList();
    }

    static Map<String, Object> item(Map<String, Object> answer, UUID id) {
        return items(answer).stream()
                .filter(i -> id.toString().equals(i.get("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + answer));
    }

    @Test
    void keywordModeIsTheCatalogsKeywordPredicateWithItsReasons() {
        Map<String, Object> answer = search(word, "keyword", 20);

        assertThat(answer).containsEntry("mode", "keyword").containsEntry("query", word);
        assertThat(answer.get("fallback_reason")).isNull();
        assertThat(field(answer, "id"))
                .containsExactlyInAnyOrder(mars.toString(), bakery.toString(), detective.toString());
        assertThat(answer.get("total")).isEqualTo(3);
        assertThat(item(answer, mars))
                .containsEntry("match_reason", "Title match")
                .containsEntry("match_type", "keyword");
        assertThat(item(answer, mars).get("similarity_score")).isNull();
        assertThat(item(answer, detective).get("match_reason")).isEqualTo("Description match · Cast match");
        // rendered as title list items, with entitlement
        assertThat(item(answer, mars))
                .containsEntry("title", word + " Red Dust")
                .containsEntry("age_rating", "TV-PG")
                .containsEntry("mood_tags", List.of("hopeful", "tense"))
                .containsKeys("entitled", "genres", "poster_url", "synopsis_short");
    }

    @Test
    void semanticModeFindsTitlesByMeaningWithoutSharedWords() {
        Map<String, Object> answer = search("space traveller stuck on another planet", "semantic", 100);

        assertThat(answer).containsEntry("mode", "semantic");
        assertThat(order(answer, mars, bakery, detective)).first().isEqualTo(mars.toString());
        Map<String, Object> hit = item(answer, mars);
        assertThat(hit).containsEntry("match_type", "semantic");
        assertThat(((Number) hit.get("similarity_score")).doubleValue()).isGreaterThan(0.2);
        assertThat(hit.get("match_reason")).isIn("Related content", "Similar themes", "Strongly related themes");
        List<Double> scores = items(answer).stream()
                .map(i -> ((Number) i.get("similarity_score")).doubleValue())
                .toList();
        assertThat(scores)
                .isSortedAccordingTo(Comparator.reverseOrder())
                .allSatisfy(s -> assertThat(s).isGreaterThanOrEqualTo(0.2));
        assertThat(answer.get("total")).isEqualTo(items(answer).size());
    }

    @Test
    void hybridIsReciprocalRankFusionOfTheTwoLists() {
        String q = word + " astronaut";
        List<Object> keyword = field(search(q, "keyword", 50), "id");
        List<Object> semantic = field(search(q, "semantic", 50), "id");
        Map<String, Object> hybrid = search(q, "hybrid", 50);

        Map<Object, Double> scores = new LinkedHashMap<>();
        for (List<Object> ranked : List.of(keyword, semantic)) {
            for (int i = 0; i < ranked.size(); i++) {
                scores.merge(ranked.get(i), 1.0 / (60 + i + 1), Double::sum);
            }
        }
        List<Object> expected = new ArrayList<>(scores.keySet());
        expected.sort(Comparator.comparing(scores::get, Comparator.reverseOrder()));

        assertThat(hybrid).containsEntry("mode", "hybrid");
        assertThat(field(hybrid, "id")).containsExactlyElementsOf(expected.subList(0, Math.min(50, expected.size())));
        // in both lists, so first: 1/61 + 1/61
        assertThat(field(hybrid, "id")).first().isEqualTo(mars.toString());
        Map<String, Object> top = item(hybrid, mars);
        assertThat(top).containsEntry("match_type", "both");
        assertThat((String) top.get("match_reason")).startsWith("Title match · Description match · ");
        assertThat(top.get("similarity_score")).isNotNull();
        for (Map<String, Object> item : items(hybrid)) {
            boolean byKeyword = keyword.contains(item.get("id"));
            boolean bySemantic = semantic.contains(item.get("id"));
            assertThat(item.get("match_type"))
                    .isEqualTo(byKeyword && bySemantic ? "both" : byKeyword ? "keyword" : "semantic");
            assertThat(item.get("similarity_score") != null).isEqualTo(bySemantic);
        }
    }

    @Test
    void misspelledTitlesAreFoundInEveryMode() {
        UUID title = catalog.title("Thunderhollow " + word, Map.of("synopsis_short", "Brothers restore an old farm"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT count(*) FROM content_embeddings WHERE title_id = :id")
                                .param("id", title)
                                .query(Integer.class)
                                .single()
                        == 1);

        for (String mode : List.of("keyword", "hybrid")) {
            Map<String, Object> answer = search("Thunderholow", mode, 10);
            assertThat(field(answer, "id")).as(mode).first().isEqualTo(title.toString());
            assertThat((String) item(answer, title).get("match_reason")).startsWith("Similar title");
        }
    }

    @Test
    void theParentalFilterAppliesToEveryMode() {
        UUID kids = catalog.profile(viewer, "TV-PG");
        for (String mode : List.of("keyword", "semantic", "hybrid")) {
            Map<String, Object> answer = searchAs(kids, word + " detective serial killer rainy city", mode);
            assertThat(field(answer, "id")).as(mode).doesNotContain(detective.toString());
            assertThat(field(answer, "age_rating")).as(mode).isSubsetOf("TV-Y", "TV-G", "TV-PG");
        }
        Map<String, Object> adult = search(word + " detective serial killer rainy city", "hybrid", 50);
        assertThat(field(adult, "id")).first().isEqualTo(detective.toString());

        catalog.get(viewer, SEARCH + "&profile_id={p}", "x", "hybrid", 5, UUID.randomUUID())
                .expectStatus()
                .isForbidden();
    }

    @Test
    void shortQueriesRunAsKeywordAndSayWhy() {
        Map<String, Object> answer = search("zq", "semantic", 10);
        assertThat(answer).containsEntry("mode", "keyword").containsEntry("fallback_reason", "query_too_short");
    }

    @Test
    void badRequestsAre422() {
        CatalogFixtures.invalid(catalog.get(viewer, SEARCH, "mars", "fuzzy", 10), "mode");
        CatalogFixtures.invalid(catalog.get(viewer, SEARCH, " ", "hybrid", 10), "q");
        CatalogFixtures.invalid(catalog.get(viewer, SEARCH, "mars", "hybrid", 0), "page_size");
        CatalogFixtures.invalid(catalog.get(viewer, SEARCH, "mars", "hybrid", 101), "page_size");
        CatalogFixtures.invalid(catalog.get(viewer, CATALOG + "/search/semantic"), "q");
    }
}
