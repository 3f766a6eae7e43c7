package io.marquee.viewing;

import static io.marquee.support.TestAccounts.JSON_MAP;

import io.marquee.catalog.CatalogFixtures;
import io.marquee.support.TestAccounts.Account;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Viewing calls through the API as one account and profile, on catalog data made with {@link CatalogFixtures}. */
public final class ViewingFixtures {

    public static final String VIEWING = "/api/v1/viewing";

    private final RestTestClient http;

    public ViewingFixtures(RestTestClient http) {
        this.http = http;
    }

    /** A series with {@code episodesPerSeason[i]} episodes in season i+1; ids by [season-1][episode-1]. */
    public static UUID[][] series(CatalogFixtures catalog, UUID seriesId, int... episodesPerSeason) {
        UUID[][] ids = new UUID[episodesPerSeason.length][];
        for (int s = 0; s < episodesPerSeason.length; s++) {
            UUID season = catalog.season(seriesId, s + 1);
            ids[s] = new UUID[episodesPerSeason[s]];
            for (int e = 0; e < episodesPerSeason[s]; e++) {
                ids[s][e] = catalog.episode(season, e + 1, Map.of("title", "S" + (s + 1) + "E" + (e + 1)));
            }
        }
        return ids;
    }

    public RestTestClient.ResponseSpec heartbeat(Account account, UUID profileId, Map<String, Object> body) {
        return http.put()
                .uri(VIEWING + "/bookmarks?profile_id={p}", profileId)
                .header("Authorization", account.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    public Map<String, Object> heartbeatOk(
            Account account, UUID profileId, String type, UUID content, int position, int duration) {
        return heartbeatOk(account, profileId, heartbeatBody(type, content, position, duration));
    }

    public Map<String, Object> heartbeatOk(Account account, UUID profileId, Map<String, Object> body) {
        return heartbeat(account, profileId, body)
                .expectStatus()
                .isOk()
                .returnResult(JSON_MAP)
                .getResponseBody();
    }

    public static Map<String, Object> heartbeatBody(String type, UUID content, int position, int duration) {
        return CatalogFixtures.json(
                "content_type",
                type,
                "content_id",
                content,
                "position_seconds",
                position,
                "duration_seconds",
                duration);
    }

    public RestTestClient.ResponseSpec get(Account account, String uri, Object... variables) {
        return http.get()
                .uri(VIEWING + uri, variables)
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

    public RestTestClient.ResponseSpec post(Account account, String uri, Object... variables) {
        return http.post()
                .uri(VIEWING + uri, variables)
                .header("Authorization", account.bearer())
                .exchange();
    }

    public RestTestClient.ResponseSpec postJson(Account account, Object body, String uri, Object... variables) {
        return http.post()
                .uri(VIEWING + uri, variables)
                .header("Authorization", account.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    public RestTestClient.ResponseSpec putJson(Account account, Object body, String uri, Object... variables) {
        return http.put()
                .uri(VIEWING + uri, variables)
                .header("Authorization", account.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    public RestTestClient.ResponseSpec delete(Account account, String uri, Object... variables) {
        return http.delete()
                .uri(VIEWING + uri, variables)
                .header("Authorization", account.bearer())
                .exchange();
    }

    public Map<String, Object> continueWatching(Account account, UUID profileId) {
        return getOk(account, "/continue-watching?profile_id={p}", profileId);
    }

    public Map<String, Object> paused(Account account, UUID profileId) {
        return getOk(account, "/continue-watching/paused?profile_id={p}", profileId);
    }

    public static List<Object> contentIds(Map<String, Object> list) {
        return CatalogFixtures.field(list, "content_id");
    }
}
