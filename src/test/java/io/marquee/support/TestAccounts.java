package io.marquee.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Accounts made through the real API, with unique emails so tests can run in any order. */
public final class TestAccounts {

    public static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP =
            new ParameterizedTypeReference<>() {};

    public static final String PASSWORD = "correct horse battery";

    /** A registered account and the tokens of its sign-in. */
    public record Account(UUID id, String email, String accessToken, String refreshToken) {

        public String bearer() {
            return "Bearer " + accessToken;
        }
    }

    private TestAccounts() {}

    public static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@test.marquee.io";
    }

    public static Account register(RestTestClient http) {
        String email = uniqueEmail();
        Map<String, Object> tokens = post(http, "/api/v1/auth/register", Map.of("email", email, "password", PASSWORD))
                .expectStatus()
                .isCreated()
                .expectBody(JSON_MAP)
                .returnResult()
                .getResponseBody();
        return withTokens(http, email, tokens);
    }

    public static Account login(RestTestClient http, String email) {
        Map<String, Object> tokens = post(http, "/api/v1/auth/login", Map.of("email", email, "password", PASSWORD))
                .expectStatus()
                .isOk()
                .expectBody(JSON_MAP)
                .returnResult()
                .getResponseBody();
        return withTokens(http, email, tokens);
    }

    /** An account that the database says is an admin (there is no API to become one). */
    public static Account registerAdmin(RestTestClient http, JdbcClient jdbc) {
        Account account = register(http);
        jdbc.sql("UPDATE users SET is_admin = true WHERE id = :id")
                .param("id", account.id())
                .update();
        return account;
    }

    /** The account's profiles as the API lists them. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> profiles(RestTestClient http, Account account) {
        return (List<Map<String, Object>>) http.get()
                .uri("/api/v1/auth/profiles")
                .header("Authorization", account.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON_MAP)
                .returnResult()
                .getResponseBody()
                .get("items");
    }

    public static UUID firstProfileId(RestTestClient http, Account account) {
        return UUID.fromString((String) profiles(http, account).get(0).get("id"));
    }

    public static RestTestClient.ResponseSpec post(RestTestClient http, String path, Object body) {
        return http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    public static RestTestClient.ResponseSpec refresh(RestTestClient http, String refreshToken) {
        return post(http, "/api/v1/auth/refresh", Map.of("refresh_token", refreshToken));
    }

    private static Account withTokens(RestTestClient http, String email, Map<String, Object> tokens) {
        String access = (String) tokens.get("access_token");
        Map<String, Object> me = http.get()
                .uri("/api/v1/auth/me")
                .header("Authorization", "Bearer " + access)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.OK)
                .expectBody(JSON_MAP)
                .returnResult()
                .getResponseBody();
        return new Account(UUID.fromString((String) me.get("id")), email, access, (String) tokens.get("refresh_token"));
    }
}
