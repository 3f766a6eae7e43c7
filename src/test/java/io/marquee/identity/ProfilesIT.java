package io.marquee.identity;

import static io.marquee.support.TestAccounts.JSON_MAP;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.support.IntegrationTest;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import testprobe.ProbeEndpoints;

@IntegrationTest
@Import(ProbeEndpoints.class)
class ProfilesIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAccountHasAtMostFiveProfiles() {
        Account account = TestAccounts.register(http);
        for (int i = 2; i <= 5; i++) {
            create(account, Map.of("name", "Viewer " + i)).expectStatus().isCreated();
        }
        create(account, Map.of("name", "Sixth"))
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("An account can have at most 5 profiles");
        http.get()
                .uri("/api/v1/auth/profiles")
                .header("Authorization", account.bearer())
                .exchange()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(5)
                .jsonPath("$.items[0].name")
                .isEqualTo("Default")
                .jsonPath("$.items[4].name")
                .isEqualTo("Viewer 5");
    }

    @Test
    void createdProfilesDefaultToUnrestrictedAndKidsToTvPg() {
        Account account = TestAccounts.register(http);
        create(account, Map.of("name", " Grown-up ", "avatar_url", "https://cdn.example.com/a.png"))
                .expectStatus()
                .isCreated()
                .expectHeader()
                .value("Location", location -> assertThat(location).startsWith("/api/v1/auth/profiles/"))
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Grown-up")
                .jsonPath("$.parental_rating")
                .isEqualTo("TV-MA")
                .jsonPath("$.is_kids")
                .isEqualTo(false);
        create(account, Map.of("name", "Kid", "is_kids", true))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.parental_rating")
                .isEqualTo("TV-PG");
        create(account, Map.of("name", "Small kid", "is_kids", true, "parental_rating", "TV-Y"))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.parental_rating")
                .isEqualTo("TV-Y");
    }

    @Test
    void ratingsAreCheckedAgainstTheHierarchyAndTheKidsRule() {
        Account account = TestAccounts.register(http);
        invalid(create(account, Map.of("name", "X", "parental_rating", "R")), "parental_rating");
        invalid(create(account, Map.of("name", "X", "is_kids", true, "parental_rating", "TV-14")), "parental_rating");
        invalid(create(account, Map.of("name", " ")), "name");
        invalid(create(account, Map.of("name", "X".repeat(101))), "name");
        invalid(create(account, Map.of("name", "X", "avatar_url", "javascript:alert(1)")), "avatar_url");
        assertThat(TestAccounts.profiles(http, account)).hasSize(1);
    }

    @Test
    void patchChangesOnlyTheFieldsGivenAndKeepsTheKidsRule() {
        Account account = TestAccounts.register(http);
        UUID profileId = TestAccounts.firstProfileId(http, account);

        invalid(patch(account, profileId, Map.of("is_kids", true)), "parental_rating");
        patch(account, profileId, Map.of("is_kids", true, "parental_rating", "TV-G"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Default")
                .jsonPath("$.is_kids")
                .isEqualTo(true)
                .jsonPath("$.parental_rating")
                .isEqualTo("TV-G");
        invalid(patch(account, profileId, Map.of("parental_rating", "TV-MA")), "parental_rating");
        patch(account, profileId, Map.of("name", "Renamed", "avatar_url", "https://cdn.example.com/b.png"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Renamed")
                .jsonPath("$.parental_rating")
                .isEqualTo("TV-G");
        patch(account, profileId, Map.of("avatar_url", ""))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.avatar_url")
                .isEmpty();
    }

    @Test
    void privilegedFieldsInBodiesAreIgnored() {
        Account account = TestAccounts.register(http);
        Account other = TestAccounts.register(http);
        create(
                        account,
                        Map.of(
                                "name",
                                "Mine",
                                "user_id",
                                other.id().toString(),
                                "id",
                                UUID.randomUUID().toString()))
                .expectStatus()
                .isCreated();
        assertThat(TestAccounts.profiles(http, account)).hasSize(2);
        assertThat(TestAccounts.profiles(http, other)).hasSize(1);
    }

    @Test
    void theLastProfileCannotBeDeleted() {
        Account account = TestAccounts.register(http);
        UUID first = TestAccounts.firstProfileId(http, account);
        UUID second = UUID.fromString((String) create(account, Map.of("name", "Second"))
                .returnResult(JSON_MAP)
                .getResponseBody()
                .get("id"));
        delete(account, first).expectStatus().isNoContent();
        delete(account, second)
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("An account keeps at least one profile");
        assertThat(TestAccounts.profiles(http, account))
                .singleElement()
                .satisfies(p -> assertThat(p).containsEntry("id", second.toString()));
    }

    @Test
    void selectAnswersTheCallersOwnProfile() {
        Account account = TestAccounts.register(http);
        UUID profileId = TestAccounts.firstProfileId(http, account);
        http.put()
                .uri("/api/v1/auth/profiles/{id}/select", profileId)
                .header("Authorization", account.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(profileId.toString());
    }

    @Test
    void anotherAccountsProfileIsDeniedLikeAnUnknownOne() {
        Account owner = TestAccounts.register(http);
        Account intruder = TestAccounts.register(http);
        UUID profileId = TestAccounts.firstProfileId(http, owner);

        for (UUID id : new UUID[] {profileId, UUID.randomUUID()}) {
            denied(http.put()
                    .uri("/api/v1/auth/profiles/{id}/select", id)
                    .header("Authorization", intruder.bearer())
                    .exchange());
            denied(patch(intruder, id, Map.of("name", "Hijacked")));
            denied(delete(intruder, id));
        }
        assertThat(TestAccounts.profiles(http, owner))
                .singleElement()
                .satisfies(p -> assertThat(p).containsEntry("name", "Default"));
    }

    @Test
    void verifiedProfileGuardsQueryParametersAndRequestBodies() {
        Account owner = TestAccounts.register(http);
        Account intruder = TestAccounts.register(http);
        UUID profileId = TestAccounts.firstProfileId(http, owner);

        probeQuery(owner, "/api/probe/profile?profile_id=" + profileId)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.profile_id")
                .isEqualTo(profileId.toString());
        denied(probeQuery(intruder, "/api/probe/profile?profile_id=" + profileId));
        invalid(probeQuery(owner, "/api/probe/profile"), "profile_id");
        invalid(probeQuery(owner, "/api/probe/profile?profile_id=not-a-uuid"), "profile_id");
        probeQuery(owner, "/api/probe/optional-profile")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.profile_id")
                .isEqualTo("null");
        denied(probeQuery(intruder, "/api/probe/optional-profile?profile_id=" + profileId));

        probeBody(owner, Map.of("profile_id", profileId.toString(), "note", "hi"))
                .expectStatus()
                .isOk();
        denied(probeBody(intruder, Map.of("profile_id", profileId.toString(), "note", "hi")));
        denied(probeBody(intruder, Map.of("profile_id", UUID.randomUUID().toString(), "note", "hi")));
    }

    @Test
    void aDeletedProfileIsNoLongerVerified() {
        Account account = TestAccounts.register(http);
        UUID extra = UUID.fromString((String) create(account, Map.of("name", "Extra"))
                .returnResult(JSON_MAP)
                .getResponseBody()
                .get("id"));
        probeQuery(account, "/api/probe/profile?profile_id=" + extra)
                .expectStatus()
                .isOk();
        delete(account, extra).expectStatus().isNoContent();
        denied(probeQuery(account, "/api/probe/profile?profile_id=" + extra));
    }

    private RestTestClient.ResponseSpec probeQuery(Account account, String uri) {
        return http.get().uri(uri).header("Authorization", account.bearer()).exchange();
    }

    private RestTestClient.ResponseSpec probeBody(Account account, Map<String, Object> body) {
        return http.post()
                .uri("/api/probe/profile")
                .header("Authorization", account.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    private RestTestClient.ResponseSpec create(Account account, Map<String, Object> body) {
        return http.post()
                .uri("/api/v1/auth/profiles")
                .header("Authorization", account.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    private RestTestClient.ResponseSpec patch(Account account, UUID profileId, Map<String, Object> body) {
        return http.patch()
                .uri("/api/v1/auth/profiles/{id}", profileId)
                .header("Authorization", account.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    private RestTestClient.ResponseSpec delete(Account account, UUID profileId) {
        return http.delete()
                .uri("/api/v1/auth/profiles/{id}", profileId)
                .header("Authorization", account.bearer())
                .exchange();
    }

    private static void invalid(RestTestClient.ResponseSpec response, String field) {
        response.expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }

    private static void denied(RestTestClient.ResponseSpec response) {
        response.expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Profile not found or access denied");
    }
}
