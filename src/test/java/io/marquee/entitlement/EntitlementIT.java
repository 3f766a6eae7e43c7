package io.marquee.entitlement;

import static io.marquee.support.TestAccounts.JSON_MAP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marquee.support.IntegrationTest;
import io.marquee.support.MutableClock;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Packages and grants through the admin API, and what the entitlement facade answers for them. */
@IntegrationTest
class EntitlementIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Entitlements entitlements;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPackageGrantsItsTitlesAndChannelsAndItsStreamLimit() {
        Account admin = TestAccounts.registerAdmin(http, jdbc);
        Account viewer = TestAccounts.register(http);
        UUID inside = UUID.randomUUID();
        UUID outside = UUID.randomUUID();
        UUID channel = UUID.randomUUID();
        UUID packageId = createPackage(admin, "premium", 4, 1499);
        addContents(admin, packageId, "vod_title", List.of(inside))
                .expectStatus()
                .isNoContent();
        addContents(admin, packageId, "vod_title", List.of(inside))
                .expectStatus()
                .isNoContent();
        addContents(admin, packageId, "channel", List.of(channel))
                .expectStatus()
                .isNoContent();

        assertThat(entitlements.playableTitles(viewer.id(), List.of(inside, outside)))
                .isEmpty();
        assertThat(entitlements.streamLimit(viewer.id())).isEqualTo(1);

        grant(admin, viewer.id(), Map.of("package_id", packageId.toString()))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.source_type")
                .isEqualTo("admin");

        assertThat(entitlements.playableTitles(viewer.id(), List.of(inside, outside)))
                .containsExactly(inside);
        assertThat(entitlements.playableChannels(viewer.id(), List.of(channel))).containsExactly(channel);
        assertThat(entitlements.streamLimit(viewer.id())).isEqualTo(4);
        assertThat(entitlements.accessOptions(ContentKind.MOVIE, inside))
                .singleElement()
                .satisfies(option -> assertThat(option.packageId()).isEqualTo(packageId));

        http.get()
                .uri("/api/v1/admin/packages/{id}", packageId)
                .header("Authorization", admin.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.title_count")
                .isEqualTo(1)
                .jsonPath("$.channel_count")
                .isEqualTo(1);
    }

    @Test
    void aSingleTitleGrantExpires() {
        Account admin = TestAccounts.registerAdmin(http, jdbc);
        Account viewer = TestAccounts.register(http);
        UUID title = UUID.randomUUID();
        String expiry = clock.instant().plus(Duration.ofHours(1)).toString();
        grant(admin, viewer.id(), Map.of("title_id", title.toString(), "source_type", "purchase", "expires_at", expiry))
                .expectStatus()
                .isCreated();

        assertThat(entitlements.playableTitles(viewer.id(), List.of(title))).containsExactly(title);
        clock.advance(Duration.ofHours(2));
        assertThat(entitlements.playableTitles(viewer.id(), List.of(title))).isEmpty();
    }

    @Test
    void revokingAGrantTakesEffectAtOnce() {
        Account admin = TestAccounts.registerAdmin(http, jdbc);
        Account viewer = TestAccounts.register(http);
        UUID title = UUID.randomUUID();
        String grantId = (String) grant(admin, viewer.id(), Map.of("title_id", title.toString()))
                .returnResult(JSON_MAP)
                .getResponseBody()
                .get("id");
        assertThat(entitlements.playableTitles(viewer.id(), Set.of(title))).hasSize(1);

        http.delete()
                .uri("/api/v1/admin/users/{user}/entitlements/{id}", viewer.id(), grantId)
                .header("Authorization", admin.bearer())
                .exchange()
                .expectStatus()
                .isNoContent();
        assertThat(entitlements.playableTitles(viewer.id(), Set.of(title))).isEmpty();
    }

    @Test
    void changingTheSubscriptionTierMovesTheAccountToThatTiersPackage() {
        Account admin = TestAccounts.registerAdmin(http, jdbc);
        Account viewer = TestAccounts.register(http);
        String tier = "standard";
        UUID title = UUID.randomUUID();
        UUID packageId = createPackage(admin, tier, 2, 0);
        addContents(admin, packageId, "vod_title", List.of(title))
                .expectStatus()
                .isNoContent();

        http.patch()
                .uri("/api/v1/admin/users/{id}", viewer.id())
                .header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("subscription_tier", tier))
                .exchange()
                .expectStatus()
                .isOk();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(entitlements.streamLimit(viewer.id())).isGreaterThanOrEqualTo(2));
        assertThat(entitlements.playableTitles(viewer.id(), List.of(title))).isNotEmpty();
    }

    @Test
    void adminInputIsValidated() {
        Account admin = TestAccounts.registerAdmin(http, jdbc);
        Account viewer = TestAccounts.register(http);
        post(admin, "/api/v1/admin/packages", Map.of("name", "X", "tier", "gold", "max_streams", 1, "price_cents", 0))
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("tier");
        UUID packageId = createPackage(admin, "basic", 1, 499);
        String name = http.get()
                .uri("/api/v1/admin/packages/{id}", packageId)
                .header("Authorization", admin.bearer())
                .exchange()
                .returnResult(JSON_MAP)
                .getResponseBody()
                .get("name")
                .toString();
        post(admin, "/api/v1/admin/packages", Map.of("name", name, "tier", "basic", "max_streams", 1, "price_cents", 0))
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT);
        grant(admin, viewer.id(), Map.of()).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        grant(admin, viewer.id(), Map.of("package_id", UUID.randomUUID().toString()))
                .expectStatus()
                .isNotFound();
        grant(admin, UUID.randomUUID(), Map.of("package_id", packageId.toString()))
                .expectStatus()
                .isNotFound();
        grant(admin, viewer.id(), Map.of("title_id", UUID.randomUUID().toString(), "expires_at", "2030-01-01T00:00"))
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        addContents(admin, packageId, "movie", List.of(UUID.randomUUID()))
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        http.get()
                .uri("/api/v1/admin/packages")
                .header("Authorization", viewer.bearer())
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void deletingAPackageEndsItsGrants() {
        Account admin = TestAccounts.registerAdmin(http, jdbc);
        Account viewer = TestAccounts.register(http);
        UUID title = UUID.randomUUID();
        UUID packageId = createPackage(admin, "premium", 3, 999);
        addContents(admin, packageId, "vod_title", List.of(title));
        grant(admin, viewer.id(), Map.of("package_id", packageId.toString()));
        assertThat(entitlements.streamLimit(viewer.id())).isEqualTo(3);

        http.delete()
                .uri("/api/v1/admin/packages/{id}", packageId)
                .header("Authorization", admin.bearer())
                .exchange()
                .expectStatus()
                .isNoContent();
        assertThat(entitlements.streamLimit(viewer.id())).isEqualTo(1);
        assertThat(entitlements.playableTitles(viewer.id(), List.of(title))).isEmpty();
    }

    private UUID createPackage(Account admin, String tier, int maxStreams, int priceCents) {
        return UUID.fromString((String) post(
                        admin,
                        "/api/v1/admin/packages",
                        Map.of(
                                "name",
                                "Package " + UUID.randomUUID(),
                                "tier",
                                tier,
                                "max_streams",
                                maxStreams,
                                "price_cents",
                                priceCents))
                .expectStatus()
                .isCreated()
                .returnResult(JSON_MAP)
                .getResponseBody()
                .get("id"));
    }

    private RestTestClient.ResponseSpec addContents(Account admin, UUID packageId, String type, List<UUID> ids) {
        return http.put()
                .uri("/api/v1/admin/packages/{id}/contents", packageId)
                .header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("content_type", type, "content_ids", ids))
                .exchange();
    }

    private RestTestClient.ResponseSpec grant(Account admin, UUID userId, Map<String, Object> body) {
        return post(admin, "/api/v1/admin/users/" + userId + "/entitlements", body);
    }

    private RestTestClient.ResponseSpec post(Account admin, String path, Object body) {
        return http.post()
                .uri(path)
                .header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }
}
