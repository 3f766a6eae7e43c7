package io.marquee.catalog;

import static io.marquee.catalog.CatalogFixtures.ADMIN;
import static io.marquee.catalog.CatalogFixtures.CATALOG;
import static io.marquee.catalog.CatalogFixtures.field;
import static io.marquee.support.TestAccounts.JSON_MAP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.marquee.identity.AgeRating;
import io.marquee.support.IntegrationTest;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The one keyword predicate, through {@code /catalog/titles?q=}, {@code /catalog/search} and {@link KeywordSearch}. */
@IntegrationTest
class CatalogSearchIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KeywordSearch keywordSearch;

    CatalogFixtures catalog;
    Account viewer;

    @BeforeEach
    void setUp() {
        catalog = new CatalogFixtures(http, jdbc);
        viewer = TestAccounts.register(http);
    }

    @Test
    void patternQuoteAndEscapeCharactersAreTakenLiterally() {
        String word = CatalogFixtures.word();
        UUID percent = catalog.title(word + " 100% Pure", Map.of());
        UUID underscore = catalog.title(word + " Snake_case", Map.of());
        UUID quote = catalog.title(word + " O'Brien", Map.of());
        UUID backslash = catalog.title(word + " Back\\slash", Map.of());
        catalog.title(word + " Plain", Map.of());

        for (String q : List.of("%", "_", "'", "\\", "%%", "_%", "\\%", "'; --", "\"", "%_'\\")) {
            for (String path : List.of("/titles?q={q}", "/search?q={q}")) {
                Map<String, Object> page = catalog.getOk(viewer, CATALOG + path + "&page_size=100", q);
                assertThat(page).as("%s with q=%s", path, q).containsEntry("total", 0);
            }
            assertThat(keywordSearch.rank(q, null, 10)).isEmpty();
        }
        assertThat(adminTitles(word, "%")).containsExactly(percent.toString());
        assertThat(adminTitles(word, "_")).containsExactly(underscore.toString());
        assertThat(adminTitles(word, "'")).containsExactly(quote.toString());
        assertThat(adminTitles(word, "\\")).containsExactly(backslash.toString());
        assertThat(adminTitles(word, "%%")).isEmpty();

        assertThat(field(catalog.getOk(viewer, CATALOG + "/search?q={q}", word + " o'brien"), "id"))
                .first()
                .isEqualTo(quote.toString());
        assertThat(field(catalog.getOk(viewer, CATALOG + "/search?q={q}", word + " 100%"), "id"))
                .first()
                .isEqualTo(percent.toString());
        assertThat(field(catalog.getOk(viewer, CATALOG + "/search?q={q}", "\"" + word + " snake\""), "id"))
                .first()
                .isEqualTo(underscore.toString());
    }

    /** The admin list's matches for {@code text} among this test's titles (those starting with {@code word}). */
    private List<Object> adminTitles(String word, String text) {
        Map<String, Object> page = catalog.adminGet(ADMIN + "/titles?q={q}&page_size=100", text)
                .expectStatus()
                .isOk()
                .returnResult(JSON_MAP)
                .getResponseBody();
        return CatalogFixtures.items(page).stream()
                .filter(item -> ((String) item.get("title")).startsWith(word))
                .map(item -> item.get("id"))
                .toList();
    }

    @Test
    void typosAndPartialWordsOfTheTitleAreFound() {
        String word = CatalogFixtures.word();
        while (word.charAt(4) == word.charAt(5)) {
            word = CatalogFixtures.word();
        }
        UUID thrillers = catalog.title(word + " Thrillers", Map.of());
        String typo = word.substring(0, 4) + word.charAt(5) + word.charAt(4) + word.substring(6);

        List<KeywordHit> hits = keywordSearch.rank(typo, null, 10);
        assertThat(hits).extracting(KeywordHit::titleId).first().isEqualTo(thrillers);
        assertThat(hits.get(0).matchReason()).isEqualTo("Similar title");
        assertThat(field(catalog.getOk(viewer, CATALOG + "/search?q={q}", typo), "id"))
                .first()
                .isEqualTo(thrillers.toString());
        assertThat(field(catalog.getOk(viewer, CATALOG + "/titles?q={q}", word.substring(0, 7)), "id"))
                .first()
                .isEqualTo(thrillers.toString());
        assertThat(keywordSearch.rank(word + " thirllers", null, 10))
                .extracting(KeywordHit::titleId)
                .first()
                .isEqualTo(thrillers);
    }

    @Test
    void castNamesAndSynopsesAreSearchedAndTheMatchIsNamed() {
        String actor = CatalogFixtures.word();
        String plot = CatalogFixtures.word();
        String name = CatalogFixtures.word();
        UUID byCast = catalog.title(
                "Starring Someone " + name,
                Map.of("cast", List.of(Map.of("person_name", "Mara " + actor, "role", "actor"))));
        UUID bySynopsis =
                catalog.title(name + " Weight of Water", Map.of("synopsis_short", "A diver finds a " + plot + "."));
        UUID byTitle = catalog.title(plot + " Rising", Map.of());

        assertThat(keywordSearch.rank(actor, null, 10))
                .extracting(KeywordHit::titleId, KeywordHit::matchReason)
                .containsExactly(tuple(byCast, "Cast match"));
        assertThat(field(catalog.getOk(viewer, CATALOG + "/search?q={q}", "mara " + actor), "id"))
                .first()
                .isEqualTo(byCast.toString());

        List<KeywordHit> plotHits = keywordSearch.rank(plot, null, 10);
        assertThat(plotHits).extracting(KeywordHit::titleId).containsExactly(byTitle, bySynopsis);
        assertThat(plotHits).extracting(KeywordHit::matchReason).containsExactly("Title match", "Description match");
        assertThat(plotHits.get(0).rank()).isGreaterThan(plotHits.get(1).rank());

        assertThat(keywordSearch.rank(name + " " + actor, null, 10))
                .extracting(KeywordHit::titleId, KeywordHit::matchReason)
                .first()
                .isEqualTo(tuple(byCast, "Title match · Cast match"));
    }

    @Test
    void theSearchVectorFollowsEveryWriteOfTheTitleAndItsCast() {
        String before = CatalogFixtures.word();
        String after = CatalogFixtures.word();
        String synopsisWord = CatalogFixtures.word();
        String titleWord = CatalogFixtures.word();
        UUID id = catalog.title(
                "Cast Change " + titleWord,
                Map.of("cast", List.of(Map.of("person_name", "Jo " + before, "role", "director"))));
        assertThat(searchIds(before)).containsExactly(id.toString());

        patch(id, Map.of("cast", List.of(Map.of("person_name", "Jo " + after, "role", "director"))));
        assertThat(searchIds(after)).containsExactly(id.toString());
        assertThat(searchIds(before)).isEmpty();

        patch(id, Map.of("synopsis_long", "Later: " + synopsisWord));
        assertThat(searchIds(synopsisWord)).containsExactly(id.toString());
        assertThat(searchIds(after)).containsExactly(id.toString());

        String renamed = CatalogFixtures.word();
        patch(id, Map.of("title", "Renamed " + renamed));
        assertThat(searchIds(renamed)).containsExactly(id.toString());
        assertThat(searchIds(titleWord)).isEmpty();
        assertThat(searchIds(after)).containsExactly(id.toString());

        jdbc.sql("UPDATE title_cast SET person_name = :name WHERE title_id = :id")
                .param("name", "Jo " + before)
                .param("id", id)
                .update();
        assertThat(searchIds(before)).containsExactly(id.toString());
    }

    @Test
    void theParentalLimitAppliesToKeywordHits() {
        String word = CatalogFixtures.word();
        UUID kids = catalog.title(word + " Kids", Map.of("age_rating", "TV-Y"));
        UUID teens = catalog.title(word + " Teens", Map.of("age_rating", "TV-14"));
        UUID unrated = catalog.title(word + " Unrated", Map.of());
        assertThat(keywordSearch.rank(word, AgeRating.TV_Y, 10))
                .extracting(KeywordHit::titleId)
                .containsExactly(kids);
        assertThat(keywordSearch.rank(word, AgeRating.TV_14, 10))
                .extracting(KeywordHit::titleId)
                .containsExactlyInAnyOrder(kids, teens);
        assertThat(keywordSearch.rank(word, AgeRating.TV_MA, 10))
                .extracting(KeywordHit::titleId)
                .containsExactlyInAnyOrder(kids, teens, unrated);
        assertThat(keywordSearch.rank(word, null, 2)).hasSize(2);
        assertThat(keywordSearch.rank("   ", null, 10)).isEmpty();
    }

    private List<Object> searchIds(String q) {
        return field(catalog.getOk(viewer, CATALOG + "/search?q={q}&page_size=100", q), "id");
    }

    private void patch(UUID id, Map<String, Object> body) {
        catalog.adminCall(http.patch().uri(ADMIN + "/titles/{id}", id), body)
                .expectStatus()
                .isOk();
    }
}
