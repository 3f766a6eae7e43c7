package io.marquee.catalog;

import static io.marquee.support.TestAccounts.JSON_MAP;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Catalog data made through the admin API with unique names (so tests run in any order, next to any other test
 * class), and grants made in the entitlement tables.
 */
public final class CatalogFixtures {

    public static final String ADMIN = "/api/v1/admin";
    public static final String CATALOG = "/api/v1/catalog";

    private final RestTestClient http;
    private final JdbcClient jdbc;
    private final Account admin;

    public CatalogFixtures(RestTestClient http, JdbcClient jdbc) {
        this.http = http;
        this.jdbc = jdbc;
        this.admin = TestAccounts.registerAdmin(http, jdbc);
    }

    public Account admin() {
        return admin;
    }

    /** A made-up lower-case word that no other test uses (letters only, so full text keeps it as one lexeme). */
    public static String word() {
        StringBuilder word = new StringBuilder("zq");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    /** A genre named "Genre {word}" with the slug "genre-{word}". */
    public Genre genre() {
        String word = word();
        Map<String, Object> genre = adminCall(http.post().uri(ADMIN + "/genres"), Map.of("name", "Genre " + word))
                .expectStatus()
                .isCreated()
                .returnResult(JSON_MAP)
                .getResponseBody();
        return new Genre(
                UUID.fromString((String) genre.get("id")), (String) genre.get("name"), (String) genre.get("slug"));
    }

    public record Genre(UUID id, String name, String slug) {}

    /** Creates a title; {@code fields} are added to (and override) a movie named {@code title}. */
    public UUID title(String title, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("title_type", "movie");
        body.putAll(fields);
        return id(createTitle(body).expectStatus().isCreated());
    }

    public RestTestClient.ResponseSpec createTitle(Map<String, Object> body) {
        return adminCall(http.post().uri(ADMIN + "/titles"), body);
    }

    public UUID season(UUID seriesId, int number) {
        return id(adminCall(
                        http.post().uri(ADMIN + "/titles/{id}/seasons", seriesId),
                        Map.of("season_number", number, "name", "Season " + number))
                .expectStatus()
                .isCreated());
    }

    public UUID episode(UUID seasonId, int number, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>();
        body.put("episode_number", number);
        body.put("title", "Episode " + number);
        body.putAll(fields);
        return id(adminCall(http.post().uri(ADMIN + "/seasons/{id}/episodes", seasonId), body)
                .expectStatus()
                .isCreated());
    }

    /** An admin request with a JSON body. */
    public RestTestClient.ResponseSpec adminCall(RestTestClient.RequestBodySpec request, Object body) {
        return request.header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    public RestTestClient.ResponseSpec adminGet(String uri, Object... variables) {
        return http.get()
                .uri(uri, variables)
                .header("Authorization", admin.bearer())
                .exchange();
    }

    public RestTestClient.ResponseSpec adminDelete(String uri, Object... variables) {
        return http.delete()
                .uri(uri, variables)
                .header("Authorization", admin.bearer())
                .exchange();
    }

    /** A catalog GET as {@code account}. */
    public RestTestClient.ResponseSpec get(Account account, String uri, Object... variables) {
        return http.get()
                .uri(uri, variables)
                .header("Authorization", account.bearer())
                .exchange();
    }

    public Map<String, Object> getOk(Account account, String uri, Object... variables) {
        return get(account, uri, variables)
                .expectStatus()
                .isOk()
                .returnResult(JSON_MAP)
                .getResponseBody();
    }

    /** A JSON object that may hold nulls (which {@code Map.of} refuses), keys in order. */
    public static Map<String, Object> json(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> items(Map<String, Object> list) {
        return (List<Map<String, Object>>) list.get("items");
    }

    public static List<Object> field(Map<String, Object> list, String field) {
        return items(list).stream().map(item -> item.get(field)).toList();
    }

    /**
     * A package holding {@code titleIds}, granted to the account. Grants are cached per user for 60 s: grant before the
     * account's first catalog call.
     */
    public void grantPackage(UUID userId, UUID... titleIds) {
        UUID packageId = jdbc.sql("""
                        INSERT INTO content_packages (name, tier, max_streams, price_cents)
                        VALUES (:name, 'basic', 1, 999) RETURNING id
                        """)
                .param("name", "Package " + word())
                .query(UUID.class)
                .single();
        jdbc.sql("""
                        INSERT INTO package_contents (package_id, content_type, content_id)
                        SELECT :package, 'vod_title', unnest(CAST(:titles AS uuid[]))
                        """).param("package", packageId).param("titles", titleIds).update();
        jdbc.sql("INSERT INTO user_entitlements (user_id, package_id) VALUES (:user, :package)")
                .param("user", userId)
                .param("package", packageId)
                .update();
    }

    /** A single-title grant (a purchase), as the entitlement module stores it. */
    public void grantTitle(UUID userId, UUID titleId) {
        jdbc.sql("INSERT INTO user_entitlements (user_id, title_id, source_type) VALUES (:user, :title, 'purchase')")
                .param("user", userId)
                .param("title", titleId)
                .update();
    }

    /** A second profile of the account with this rating (a kids profile up to TV-PG). */
    public UUID profile(Account account, String rating) {
        boolean kids = List.of("TV-Y", "TV-G", "TV-PG").contains(rating);
        return id(http.post()
                .uri("/api/v1/auth/profiles")
                .header("Authorization", account.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Viewer " + rating, "parental_rating", rating, "is_kids", kids))
                .exchange()
                .expectStatus()
                .isCreated());
    }

    public static void invalid(RestTestClient.ResponseSpec response, String... fields) {
        Map<String, Object> problem = response.expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .returnResult(JSON_MAP)
                .getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
        assertThat(errors).extracting(error -> error.get("field")).contains((Object[]) fields);
    }

    public static void problem(RestTestClient.ResponseSpec response, HttpStatus status, String detail) {
        response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo(detail);
    }

    private static UUID id(RestTestClient.ResponseSpec created) {
        return UUID.fromString(
                (String) created.returnResult(JSON_MAP).getResponseBody().get("id"));
    }
}
