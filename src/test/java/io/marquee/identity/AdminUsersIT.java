package io.marquee.identity;

import static io.marquee.support.TestAccounts.JSON_MAP;
import static io.marquee.support.TestAccounts.refresh;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.support.IntegrationTest;
import io.marquee.support.MutableClock;
import io.marquee.support.RecordedEvents;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
class AdminUsersIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    RecordedEvents events;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void adminRoutesNeedASignedInAdmin() {
        http.get().uri("/api/v1/admin/users").exchange().expectStatus().isUnauthorized();
        Account viewer = TestAccounts.register(http);
        http.get()
                .uri("/api/v1/admin/users")
                .header("Authorization", viewer.bearer())
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.post()
                .uri("/api/v1/admin/maintenance/refresh-tokens/cleanup")
                .header("Authorization", viewer.bearer())
                .exchange()
                .expectStatus()
                .isForbidden();
        http.get()
                .uri("/api/v1/admin/no-such-route")
                .header("Authorization", viewer.bearer())
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void theRoleIsReadFromTheDatabaseOnEveryAdminRequest() {
        Account admin = TestAccounts.registerAdmin(http, jdbc);
        listUsers(admin, "").expectStatus().isOk();
        jdbc.sql("UPDATE users SET is_admin = false WHERE id = :id")
                .param("id", admin.id())
                .update();
        listUsers(admin, "").expectStatus().isForbidden();
    }

    @Test
    void usersArePagedWithTheirProfileCounts() {
        Account admin = TestAccounts.registerAdmin(http, jdbc);
        Account viewer = TestAccounts.register(http);
        http.post()
                .uri("/api/v1/auth/profiles")
                .header("Authorization", viewer.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Second"))
                .exchange()
                .expectStatus()
                .isCreated();

        listUsers(admin, "?q=" + viewer.email().toUpperCase())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(1)
                .jsonPath("$.page")
                .isEqualTo(1)
                .jsonPath("$.page_size")
                .isEqualTo(20)
                .jsonPath("$.items[0].id")
                .isEqualTo(viewer.id().toString())
                .jsonPath("$.items[0].profiles_count")
                .isEqualTo(2)
                .jsonPath("$.items[0].is_active")
                .isEqualTo(true)
                .jsonPath("$.items[0].password_hash")
                .doesNotExist();

        Map<String, Object> page = listUsers(admin, "?page=2&page_size=1")
                .expectStatus()
                .isOk()
                .returnResult(JSON_MAP)
                .getResponseBody();
        assertThat((List<?>) page.get("items")).hasSize(1);
        assertThat(((Number) page.get("total")).longValue()).isGreaterThanOrEqualTo(2);
        listUsers(admin, "?page_size=101").expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        listUsers(admin, "?page=0").expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        listUsers(admin, "?q=%25")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(0);
    }

    @Test
    void deactivationEndsEverySignInAndRefusesAccessTokensWithinThirtySeconds() {
        Account admin = TestAccounts.registerAdmin(http, jdbc);
        Account viewer = TestAccounts.register(http);

        change(admin, viewer.id(), Map.of("is_active", false))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.is_active")
                .isEqualTo(false);

        refresh(http, viewer.refreshToken()).expectStatus().isUnauthorized();
        clock.advance(Duration.ofSeconds(31));
        http.get()
                .uri("/api/v1/auth/me")
                .header("Authorization", viewer.bearer())
                .exchange()
                .expectStatus()
                .isUnauthorized();
        assertThat(events.ofType(UserDeactivated.class)).contains(new UserDeactivated(viewer.id()));

        change(admin, viewer.id(), Map.of("is_active", true)).expectStatus().isOk();
        TestAccounts.login(http, viewer.email());
    }

    @Test
    void adminsGrantRolesAndTiers() {
        Account admin = TestAccounts.registerAdmin(http, jdbc);
        Account viewer = TestAccounts.register(http);
        change(admin, viewer.id(), Map.of("is_admin", true, "subscription_tier", "premium"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.is_admin")
                .isEqualTo(true)
                .jsonPath("$.subscription_tier")
                .isEqualTo("premium");
        listUsers(viewer, "").expectStatus().isOk();
        change(admin, viewer.id(), Map.of("subscription_tier", "platinum"))
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        Account admin = TestAccounts.registerAdmin(http, jdbc);
        change(admin, admin.id(), Map.of("is_active", false)).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        change(admin, admin.id(), Map.of("is_admin", false)).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        change(admin, UUID.randomUUID(), Map.of("is_admin", true))
                .expectStatus()
                .isNotFound();
    }

    @Test
    void statsGatherEveryModulesCounts() {
        Account admin = TestAccounts.registerAdmin(http, jdbc);
        Map<String, Object> stats = http.get()
                .uri("/api/v1/admin/stats")
                .header("Authorization", admin.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(JSON_MAP)
                .getResponseBody();
        assertThat(stats).containsKeys("user_count", "title_count", "channel_count", "embedding_count");
        assertThat(((Number) stats.get("user_count")).longValue()).isPositive();
        Account viewer = TestAccounts.register(http);
        http.get()
                .uri("/api/v1/admin/stats")
                .header("Authorization", viewer.bearer())
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void cleanupRemovesDeadRefreshTokensAndKeepsLiveOnes() {
        Account admin = TestAccounts.registerAdmin(http, jdbc);
        Account viewer = TestAccounts.register(http);
        Account leaving = TestAccounts.register(http);
        http.post()
                .uri("/api/v1/auth/logout-all")
                .header("Authorization", leaving.bearer())
                .exchange()
                .expectStatus()
                .isNoContent();

        Map<String, Object> result = http.post()
                .uri("/api/v1/admin/maintenance/refresh-tokens/cleanup")
                .header("Authorization", admin.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(JSON_MAP)
                .getResponseBody();
        assertThat((Integer) result.get("removed")).isGreaterThanOrEqualTo(1);
        assertThat(tokenRows(leaving.id())).isZero();
        assertThat(tokenRows(viewer.id())).isEqualTo(1);
        refresh(http, viewer.refreshToken()).expectStatus().isOk();
    }

    private long tokenRows(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM refresh_tokens WHERE user_id = :id")
                .param("id", userId)
                .query(Long.class)
                .single();
    }

    private RestTestClient.ResponseSpec listUsers(Account admin, String query) {
        return http.get()
                .uri("/api/v1/admin/users" + query)
                .header("Authorization", admin.bearer())
                .exchange();
    }

    private RestTestClient.ResponseSpec change(Account admin, UUID userId, Map<String, Object> body) {
        return http.patch()
                .uri("/api/v1/admin/users/{id}", userId)
                .header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }
}
