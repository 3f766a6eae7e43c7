package io.marquee.viewing;

import static io.marquee.catalog.CatalogFixtures.json;
import static io.marquee.catalog.CatalogFixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.catalog.CatalogFixtures;
import io.marquee.support.IntegrationTest;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Every viewing endpoint needs a caller and one of its profiles (SPEC §1: a foreign or unknown profile is the same 403,
 * a missing one a 422), and is documented.
 */
@IntegrationTest
class ViewingAccessIT {

    @Autowired
    RestTestClient http;

    record Call(HttpMethod method, String path, Object body) {}

    static List<Call> calls(UUID id) {
        return List.of(
                new Call(
                        HttpMethod.PUT,
                        "/bookmarks",
                        json("content_type", "movie", "content_id", id, "position_seconds", 1, "duration_seconds", 10)),
                new Call(HttpMethod.GET, "/bookmarks/by-content/" + id, null),
                new Call(HttpMethod.POST, "/bookmarks/" + id + "/dismiss", null),
                new Call(HttpMethod.POST, "/bookmarks/" + id + "/restore", null),
                new Call(HttpMethod.GET, "/continue-watching", null),
                new Call(HttpMethod.GET, "/continue-watching/paused", null),
                new Call(HttpMethod.GET, "/history", null),
                new Call(HttpMethod.DELETE, "/history/" + id, null),
                new Call(HttpMethod.GET, "/watchlist", null),
                new Call(HttpMethod.POST, "/watchlist/" + id, null),
                new Call(HttpMethod.DELETE, "/watchlist/" + id, null),
                new Call(HttpMethod.GET, "/ratings/" + id, null),
                new Call(HttpMethod.POST, "/ratings", json("title_id", id, "rating", 1)),
                new Call(HttpMethod.PUT, "/ratings/" + id, json("rating", 1)),
                new Call(HttpMethod.DELETE, "/ratings/" + id, null),
                new Call(HttpMethod.POST, "/events/ticket", null));
    }

    @Test
    void aProfileOfAnotherAccountOrNoCallerIsRefusedEverywhere() {
        Account viewer = TestAccounts.register(http);
        Account other = TestAccounts.register(http);
        UUID foreign = TestAccounts.firstProfileId(http, other);
        for (Call call : calls(UUID.randomUUID())) {
            problem(exchange(call, viewer, foreign), HttpStatus.FORBIDDEN, "Profile not found or access denied");
            problem(
                    exchange(call, viewer, UUID.randomUUID()),
                    HttpStatus.FORBIDDEN,
                    "Profile not found or access denied");
            exchange(call, null, foreign).expectStatus().isUnauthorized();
            CatalogFixtures.invalid(exchange(call, viewer, null), "profile_id");
        }
    }

    private RestTestClient.ResponseSpec exchange(Call call, Account caller, UUID profileId) {
        String uri = ViewingFixtures.VIEWING + call.path() + (profileId == null ? "" : "?profile_id=" + profileId);
        RestTestClient.RequestBodySpec request = http.method(call.method()).uri(uri);
        if (caller != null) {
            request.header("Authorization", caller.bearer());
        }
        if (call.body() != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(call.body());
        }
        return request.exchange();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyViewingOperationIsDocumented() {
        Map<String, Object> api = http.get()
                .uri("/openapi.json")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(TestAccounts.JSON_MAP)
                .getResponseBody();
        Map<String, Map<String, Map<String, Object>>> paths =
                (Map<String, Map<String, Map<String, Object>>>) api.get("paths");
        List<String> viewingPaths = paths.keySet().stream()
                .filter(path -> path.startsWith(ViewingFixtures.VIEWING) && !path.contains("/sessions"))
                .toList();
        assertThat(viewingPaths).hasSizeGreaterThanOrEqualTo(11);
        for (String path : viewingPaths) {
            paths.get(path).forEach((method, operation) -> {
                assertThat(operation.get("summary")).as("%s %s", method, path).isNotNull();
                assertThat(operation.get("description"))
                        .as("%s %s", method, path)
                        .isNotNull();
                assertThat((List<String>) operation.get("tags"))
                        .as("%s %s", method, path)
                        .contains("Viewing");
                assertThat((Map<String, Object>) operation.get("responses"))
                        .as("%s %s", method, path)
                        .containsKey("403");
            });
        }
    }
}
