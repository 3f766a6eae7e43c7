package io.marquee.epg;

import static io.marquee.support.TestAccounts.JSON_MAP;

import io.marquee.support.TestAccounts.Account;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Channels and programmes made through the admin API, with channel numbers no other test uses. */
final class GuideFixtures {

    private final RestTestClient http;
    private final Account admin;

    GuideFixtures(RestTestClient http, Account admin) {
        this.http = http;
        this.admin = admin;
    }

    static int uniqueNumber() {
        return ThreadLocalRandom.current().nextInt(100_000, Integer.MAX_VALUE);
    }

    Map<String, Object> channel(String name) {
        return channel(name, uniqueNumber());
    }

    Map<String, Object> channel(String name, int number) {
        return send("POST", "/api/v1/admin/channels", channelBody(name, number))
                .expectStatus()
                .isCreated()
                .expectBody(JSON_MAP)
                .returnResult()
                .getResponseBody();
    }

    static Map<String, Object> channelBody(String name, int number) {
        return Map.of(
                "name",
                name,
                "channel_number",
                number,
                "genre",
                "news",
                "hls_live_url",
                "https://live.example.com/" + number + "/master.m3u8");
    }

    UUID channelId(String name) {
        return UUID.fromString((String) channel(name).get("id"));
    }

    /** A programme; {@code extra} adds or overrides fields (age_rating, synopsis, …). */
    UUID programme(UUID channelId, String title, Instant start, Instant end, Map<String, Object> extra) {
        Map<String, Object> body = programmeBody(channelId, title, start.toString(), end.toString());
        body.putAll(extra);
        Map<String, Object> created = send("POST", "/api/v1/admin/schedule", body)
                .expectStatus()
                .isCreated()
                .expectBody(JSON_MAP)
                .returnResult()
                .getResponseBody();
        return UUID.fromString((String) created.get("id"));
    }

    UUID programme(UUID channelId, String title, Instant start, Instant end) {
        return programme(channelId, title, start, end, Map.of());
    }

    static Map<String, Object> programmeBody(UUID channelId, String title, String start, String end) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel_id", channelId.toString());
        body.put("title", title);
        body.put("synopsis", "About " + title);
        body.put("start_time", start);
        body.put("end_time", end);
        body.put("age_rating", "TV-G");
        return body;
    }

    RestTestClient.ResponseSpec send(String method, String path, Object body) {
        RestTestClient.RequestBodySpec request =
                http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path);
        request.header("Authorization", admin.bearer());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange();
    }

    /** {@code uri} is a template: {@code {name}} placeholders take {@code variables}, encoded. */
    static Map<String, Object> get(RestTestClient http, Account account, String uri, Object... variables) {
        return http.get()
                .uri(uri, variables)
                .header("Authorization", account.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON_MAP)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> listing) {
        return (List<Map<String, Object>>) listing.get("items");
    }

    @SuppressWarnings("unchecked")
    static List<String> titles(Map<String, Object> listing) {
        return items(listing).stream().map(item -> (String) item.get("title")).toList();
    }

    static void grantChannels(JdbcClient jdbc, UUID userId, List<UUID> channelIds) {
        UUID packageId = jdbc.sql("""
                        INSERT INTO content_packages (name, tier, max_streams, price_cents)
                        VALUES (:name, 'basic', 1, 999) RETURNING id
                        """)
                .param("name", "EPG test " + UUID.randomUUID())
                .query(UUID.class)
                .single();
        for (UUID channelId : channelIds) {
            jdbc.sql("""
                            INSERT INTO package_contents (package_id, content_type, content_id)
                            VALUES (:package, 'channel', :channel)
                            """)
                    .param("package", packageId)
                    .param("channel", channelId)
                    .update();
        }
        jdbc.sql("INSERT INTO user_entitlements (user_id, package_id) VALUES (:user, :package)")
                .param("user", userId)
                .param("package", packageId)
                .update();
    }
}
