package io.marquee.identity;

import static io.marquee.support.TestAccounts.JSON_MAP;
import static io.marquee.support.TestAccounts.PASSWORD;
import static io.marquee.support.TestAccounts.post;
import static io.marquee.support.TestAccounts.refresh;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.support.Concurrently;
import io.marquee.support.IntegrationTest;
import io.marquee.support.RecordedEvents;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
class AuthIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecordedEvents events;

    @Test
    void registerCreatesABasicAccountWithOneDefaultProfileAndSignsIn() {
        String email = TestAccounts.uniqueEmail();
        Map<String, Object> tokens = post(
                        http,
                        "/api/v1/auth/register",
                        Map.of("email", "  " + email.toUpperCase() + " ", "password", PASSWORD, "is_admin", true))
                .expectStatus()
                .isCreated()
                .expectBody(JSON_MAP)
                .returnResult()
                .getResponseBody();
        assertThat(tokens).containsEntry("token_type", "bearer").containsEntry("expires_in", 900);
        assertThat((String) tokens.get("refresh_token")).hasSizeGreaterThanOrEqualTo(43);

        http.get()
                .uri("/api/v1/auth/me")
                .header("Authorization", "Bearer " + tokens.get("access_token"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.email")
                .isEqualTo(email)
                .jsonPath("$.subscription_tier")
                .isEqualTo("basic")
                .jsonPath("$.is_admin")
                .isEqualTo(false);
        Account account = TestAccounts.login(http, email);
        assertThat(TestAccounts.profiles(http, account))
                .singleElement()
                .satisfies(profile -> assertThat(profile)
                        .containsEntry("name", "Default")
                        .containsEntry("parental_rating", "TV-MA")
                        .containsEntry("is_kids", false)
                        .containsEntry("avatar_url", null));
    }

    @Test
    void storedPasswordsAreArgon2idWithTheConfiguredCost() {
        Account account = TestAccounts.register(http);
        String hash = jdbc.sql("SELECT password_hash FROM users WHERE id = :id")
                .param("id", account.id())
                .query(String.class)
                .single();
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void anEmailIsRegisteredOnceWhateverItsCase() {
        Account account = TestAccounts.register(http);
        post(http, "/api/v1/auth/register", Map.of("email", account.email().toUpperCase(), "password", PASSWORD))
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Email already registered");
    }

    @Test
    void registrationInputIsValidated() {
        expectInvalid(Map.of("email", "not-an-email", "password", PASSWORD), "email");
        expectInvalid(Map.of("email", TestAccounts.uniqueEmail(), "password", "short"), "password");
        expectInvalid(Map.of("email", TestAccounts.uniqueEmail(), "password", "x".repeat(129)), "password");
        expectInvalid(Map.of("password", PASSWORD), "email");
        expectInvalid(Map.of("email", "a".repeat(251) + "@x.io", "password", PASSWORD), "email");
    }

    private void expectInvalid(Map<String, Object> body, String field) {
        post(http, "/api/v1/auth/register", body)
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }

    @Test
    void loginFailuresAreIndistinguishable() {
        Account active = TestAccounts.register(http);
        Account inactive = TestAccounts.register(http);
        jdbc.sql("UPDATE users SET is_active = false WHERE id = :id")
                .param("id", inactive.id())
                .update();

        List<Map<String, Object>> failures = List.of(
                loginFailure(TestAccounts.uniqueEmail(), PASSWORD),
                loginFailure(active.email(), "wrong password"),
                loginFailure(inactive.email(), PASSWORD));
        assertThat(failures)
                .extracting(body -> body.get("detail"), body -> body.get("type"), body -> body.get("status"))
                .containsOnly(org.assertj.core.groups.Tuple.tuple(
                        "Invalid email or password", "urn:marquee:problem:unauthenticated", 401));
    }

    private Map<String, Object> loginFailure(String email, String password) {
        return post(http, "/api/v1/auth/login", Map.of("email", email, "password", password))
                .expectStatus()
                .isUnauthorized()
                .expectBody(JSON_MAP)
                .returnResult()
                .getResponseBody();
    }

    @Test
    void refreshRotatesTheToken() {
        Account account = TestAccounts.register(http);
        Map<String, Object> next = refreshed(account.refreshToken());
        assertThat(next.get("refresh_token")).isNotEqualTo(account.refreshToken());
        http.get()
                .uri("/api/v1/auth/me")
                .header("Authorization", "Bearer " + next.get("access_token"))
                .exchange()
                .expectStatus()
                .isOk();
        refreshed((String) next.get("refresh_token"));
    }

    @Test
    void replayingARotatedTokenRevokesTheWholeSignIn() {
        Account account = TestAccounts.register(http);
        Account otherDevice = TestAccounts.login(http, account.email());
        String successor = (String) refreshed(account.refreshToken()).get("refresh_token");

        refresh(http, account.refreshToken())
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Invalid or expired refresh token");
        refresh(http, successor).expectStatus().isUnauthorized();
        refreshed(otherDevice.refreshToken());
    }

    @Test
    void concurrentRefreshesWithOneTokenLeaveAtMostOneLiveSuccessor() throws Exception {
        Account account = TestAccounts.register(http);
        int attempts = 4;
        List<Callable<Map<String, Object>>> calls = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            calls.add(() ->
                    refresh(http, account.refreshToken()).returnResult(JSON_MAP).getResponseBody());
        }
        List<String> successors = Concurrently.run(calls).stream()
                .map(body -> (String) body.get("refresh_token"))
                .filter(java.util.Objects::nonNull)
                .toList();
        assertThat(successors).hasSizeLessThanOrEqualTo(1);
        long live = successors.stream()
                .filter(token -> refresh(http, token).returnResult().getStatus().is2xxSuccessful())
                .count();
        assertThat(live).isLessThanOrEqualTo(1);
    }

    @Test
    void unknownAndMalformedRefreshTokensAre401() {
        refresh(http, "not-a-token").expectStatus().isUnauthorized();
        post(http, "/api/v1/auth/refresh", Map.of()).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Test
    void refreshFailsForADeactivatedUser() {
        Account account = TestAccounts.register(http);
        jdbc.sql("UPDATE users SET is_active = false WHERE id = :id")
                .param("id", account.id())
                .update();
        refresh(http, account.refreshToken()).expectStatus().isUnauthorized();
    }

    @Test
    void logoutEndsOnlyThisSignIn() {
        Account account = TestAccounts.register(http);
        Account otherDevice = TestAccounts.login(http, account.email());
        String successor = (String) refreshed(account.refreshToken()).get("refresh_token");

        http.post()
                .uri("/api/v1/auth/logout")
                .header("Authorization", account.bearer())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("refresh_token", successor))
                .exchange()
                .expectStatus()
                .isNoContent();

        refresh(http, successor).expectStatus().isUnauthorized();
        refreshed(otherDevice.refreshToken());
        assertThat(events.ofType(UserSignedOut.class)).anyMatch(e -> e.userId().equals(account.id()));
    }

    @Test
    void logoutIgnoresAnotherUsersToken() {
        Account caller = TestAccounts.register(http);
        Account victim = TestAccounts.register(http);
        http.post()
                .uri("/api/v1/auth/logout")
                .header("Authorization", caller.bearer())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("refresh_token", victim.refreshToken()))
                .exchange()
                .expectStatus()
                .isNoContent();
        refreshed(victim.refreshToken());
    }

    @Test
    void logoutAllEndsEverySignIn() {
        Account account = TestAccounts.register(http);
        Account otherDevice = TestAccounts.login(http, account.email());
        http.post()
                .uri("/api/v1/auth/logout-all")
                .header("Authorization", account.bearer())
                .exchange()
                .expectStatus()
                .isNoContent();
        refresh(http, account.refreshToken()).expectStatus().isUnauthorized();
        refresh(http, otherDevice.refreshToken()).expectStatus().isUnauthorized();
        assertThat(events.ofType(UserSignedOutEverywhere.class)).contains(new UserSignedOutEverywhere(account.id()));
    }

    @Test
    void logoutNeedsAnAccessToken() {
        post(http, "/api/v1/auth/logout", Map.of("refresh_token", "x"))
                .expectStatus()
                .isUnauthorized();
        http.post().uri("/api/v1/auth/logout-all").exchange().expectStatus().isUnauthorized();
    }

    private Map<String, Object> refreshed(String refreshToken) {
        return refresh(http, refreshToken)
                .expectStatus()
                .isOk()
                .expectBody(JSON_MAP)
                .returnResult()
                .getResponseBody();
    }
}
