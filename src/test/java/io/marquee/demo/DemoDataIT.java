package io.marquee.demo;

import static io.marquee.support.TestAccounts.JSON_MAP;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The demo data, loaded twice: volumes, sign-in, entitlements and playback per tier, parental filter, guide window. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoData demo;

    @Autowired
    DemoCatalog catalog;

    List<UUID> titleIds;

    @BeforeAll
    void loadTwice() {
        demo.load();
        demo.load();
        titleIds = catalog.read().titles().stream()
                .map(t -> DemoIds.of("title", t.title()))
                .toList();
    }

    @Test
    void theLoadIsIdempotentAndHasThePocVolumes() {
        assertThat(count("SELECT count(*) FROM titles WHERE id = ANY(:ids)")).isEqualTo(70);
        assertThat(count("SELECT count(*) FROM titles WHERE id = ANY(:ids) AND title_type = 'movie'"))
                .isEqualTo(38);
        assertThat(count("""
                        SELECT count(*) FROM episodes e JOIN seasons s ON s.id = e.season_id
                        WHERE s.title_id = ANY(:ids)
                        """)).isBetween(540L, 620L);
        assertThat(count("SELECT count(DISTINCT created_at) FROM titles WHERE id = ANY(:ids)"))
                .isEqualTo(70);
        assertThat(count("SELECT count(*) FROM channels WHERE channel_number BETWEEN 1 AND 25"))
                .isEqualTo(25);
        assertThat(count("SELECT count(*) FROM content_packages WHERE name IN ('Basic', 'Standard', 'Premium')"))
                .isEqualTo(3);
        assertThat(count("SELECT count(*) FROM users WHERE email LIKE '%@ott.test'"))
                .isEqualTo(5);
        assertThat(count("""
                        SELECT count(*) FROM profiles p JOIN users u ON u.id = p.user_id
                        WHERE u.email LIKE '%@ott.test'
                        """)).isEqualTo(9);
        assertThat(count("""
                        SELECT count(*) FROM user_entitlements e JOIN users u ON u.id = e.user_id
                        WHERE u.email LIKE '%@ott.test'
                        """)).isEqualTo(5);
    }

    @Test
    void theGuideCoversTodayMinusThreeToPlusThreeOnEveryChannel() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long channelDays = jdbc.sql("""
                        SELECT count(DISTINCT (s.channel_id, (s.start_time AT TIME ZONE 'UTC')::date))
                        FROM schedule_entries s JOIN channels c ON c.id = s.channel_id
                        WHERE c.channel_number BETWEEN 1 AND 25
                          AND (s.start_time AT TIME ZONE 'UTC')::date BETWEEN :from AND :to
                        """)
                .param("from", today.minusDays(3))
                .param("to", today.plusDays(3))
                .query(Long.class)
                .single();
        assertThat(channelDays).isEqualTo(25 * 7);
    }

    @Test
    void eachTierIsEntitledToItsSliceOfTheCatalogue() {
        assertThat(entitledDemoTitles(login("basic@ott.test"))).isEqualTo(42);
        assertThat(entitledDemoTitles(login("standard@ott.test"))).isEqualTo(59);
        assertThat(entitledDemoTitles(login("premium@ott.test"))).isEqualTo(70);
    }

    @Test
    void playbackFollowsTheTierStreamLimitAndOffersTheUpgrade() {
        String basic = login("basic@ott.test");
        UUID profile = firstProfile(basic);
        List<UUID> movies = jdbc.sql("""
                        SELECT id FROM titles WHERE id = ANY(:ids) AND title_type = 'movie' ORDER BY created_at
                        """)
                .param("ids", titleIds.toArray(UUID[]::new))
                .query(UUID.class)
                .list();

        Map<String, Object> started = play(basic, "movie", movies.get(0), profile)
                .expectStatus()
                .isCreated()
                .returnResult(JSON_MAP)
                .getResponseBody();
        assertThat((String) started.get("manifest_url")).endsWith(".m3u8");
        play(basic, "movie", movies.get(1), profile)
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectBody()
                .jsonPath("$.active_sessions[0].session_id")
                .isEqualTo(started.get("session_id"));
        http.delete()
                .uri("/api/v1/viewing/sessions/{id}", started.get("session_id"))
                .header("Authorization", basic)
                .exchange()
                .expectStatus()
                .isNoContent();

        play(basic, "movie", movies.get(movies.size() - 1), profile)
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.access_options[0].name")
                .isEqualTo("Premium");
        UUID farChannel = DemoIds.of("channel", 20);
        play(basic, "channel", farChannel, profile).expectStatus().isForbidden();
        play(basic, "channel", DemoIds.of("channel", 1), profile).expectStatus().isCreated();
    }

    @Test
    void aKidsProfileSeesOnlyTvYTitles() {
        String admin = login("admin@ott.test");
        UUID kids = profiles(admin).stream()
                .filter(p -> Boolean.TRUE.equals(p.get("is_kids")))
                .map(p -> UUID.fromString((String) p.get("id")))
                .findFirst()
                .orElseThrow();
        List<Map<String, Object>> titles = allTitles(admin, "&profile_id=" + kids);
        assertThat(titles)
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.get("age_rating")).isEqualTo("TV-Y"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDemoViewerHasBookmarksInEveryStateRatingsAndAWatchlist() {
        String demo = login("demo@ott.test");
        UUID profile = firstProfile(demo);
        assertThat(jdbc.sql("SELECT count(*) FROM bookmarks WHERE profile_id = :p")
                        .param("p", profile)
                        .query(Long.class)
                        .single())
                .isEqualTo(7);

        Map<String, Object> active = viewing(demo, "/continue-watching?profile_id=" + profile);
        List<Map<String, Object>> items = (List<Map<String, Object>>) active.get("items");
        assertThat(items)
                .extracting(item -> ((Map<String, Object>) item.get("title_info")).get("title"))
                .containsExactlyInAnyOrder("Beneath the Skin", "Blindside", "Last Light", "Shadow Protocol");
        Map<String, Object> episode = items.stream()
                .filter(item -> item.get("content_type").equals("episode"))
                .findFirst()
                .orElseThrow();
        assertThat((Map<String, Object>) episode.get("next_episode"))
                .containsEntry("season_number", 1)
                .containsEntry("episode_number", 2);

        Map<String, Object> paused = viewing(demo, "/continue-watching/paused?profile_id=" + profile);
        assertThat((List<Map<String, Object>>) paused.get("items"))
                .extracting(item -> ((Map<String, Object>) item.get("title_info")).get("title"))
                .containsExactly("Camp Pinecrest", "Blood Ledger");
        assertThat(viewing(
                        demo,
                        "/bookmarks/by-content/" + DemoIds.of("title", "Iron Frontier") + "?profile_id=" + profile))
                .containsEntry("completed", true);
        assertThat(viewing(demo, "/watchlist?profile_id=" + profile)).containsEntry("total", 3);
        assertThat(viewing(demo, "/ratings/" + DemoIds.of("title", "Blindside") + "?profile_id=" + profile))
                .containsEntry("rating", -1);
    }

    private Map<String, Object> viewing(String bearer, String path) {
        return http.get()
                .uri("/api/v1/viewing" + path)
                .header("Authorization", bearer)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(JSON_MAP)
                .getResponseBody();
    }

    private long count(String sql) {
        return jdbc.sql(sql)
                .param("ids", titleIds.toArray(UUID[]::new))
                .query(Long.class)
                .single();
    }

    private String login(String email) {
        String password = email.startsWith("admin") ? "admin-demo-2026" : "watch-demo-2026";
        Map<String, Object> tokens = http.post()
                .uri("/api/v1/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", password))
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(JSON_MAP)
                .getResponseBody();
        return "Bearer " + tokens.get("access_token");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> profiles(String bearer) {
        return (List<Map<String, Object>>) http.get()
                .uri("/api/v1/auth/profiles")
                .header("Authorization", bearer)
                .exchange()
                .returnResult(JSON_MAP)
                .getResponseBody()
                .get("items");
    }

    private UUID firstProfile(String bearer) {
        return UUID.fromString((String) profiles(bearer).get(0).get("id"));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> allTitles(String bearer, String query) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            Map<String, Object> body = http.get()
                    .uri("/api/v1/catalog/titles?page_size=100&page=" + page + query)
                    .header("Authorization", bearer)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .returnResult(JSON_MAP)
                    .getResponseBody();
            List<Map<String, Object>> items = (List<Map<String, Object>>) body.get("items");
            all.addAll(items);
            if (items.size() < 100) {
                return all;
            }
        }
    }

    private long entitledDemoTitles(String bearer) {
        return allTitles(bearer, "").stream()
                .filter(t -> titleIds.contains(UUID.fromString((String) t.get("id"))))
                .filter(t -> Boolean.TRUE.equals(t.get("entitled")))
                .count();
    }

    private RestTestClient.ResponseSpec play(String bearer, String type, UUID content, UUID profile) {
        return http.post()
                .uri("/api/v1/viewing/sessions")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("content_type", type, "content_id", content.toString(), "profile_id", profile.toString()))
                .exchange();
    }
}
