package io.marquee.epg;

import static io.marquee.epg.GuideFixtures.get;
import static io.marquee.epg.GuideFixtures.items;
import static io.marquee.epg.GuideFixtures.titles;
import static io.marquee.support.TestAccounts.JSON_MAP;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.support.IntegrationTest;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
class EpgGuideIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    GuideFixtures guide;
    Account viewer;

    @BeforeEach
    void setUp() {
        guide = new GuideFixtures(http, TestAccounts.registerAdmin(http, jdbc));
        viewer = TestAccounts.register(http);
    }

    @Test
    void aDayHoldsEveryProgrammeOverlappingItsLocalMidnightToMidnight() {
        UUID channel = guide.channelId("Late Night");
        guide.programme(
                channel, "Evening", Instant.parse("2031-06-14T21:00:00Z"), Instant.parse("2031-06-14T23:30:00Z"));
        guide.programme(
                channel, "Crossing", Instant.parse("2031-06-14T23:30:00Z"), Instant.parse("2031-06-15T01:30:00Z"));
        guide.programme(
                channel, "Morning", Instant.parse("2031-06-15T06:00:00Z"), Instant.parse("2031-06-15T07:00:00Z"));

        String path = "/api/v1/epg/schedule/" + channel;
        assertThat(titles(get(http, viewer, path + "?date=2031-06-14"))).containsExactly("Evening", "Crossing");
        assertThat(titles(get(http, viewer, path + "?date=2031-06-15&tz=UTC"))).containsExactly("Crossing", "Morning");
        // New York is UTC-4 in June: all three programmes fall on the 14th there (Morning starts 02:00 on the 15th)
        assertThat(titles(get(http, viewer, path + "?date=2031-06-14&tz=America/New_York")))
                .containsExactly("Evening", "Crossing");
        assertThat(titles(get(http, viewer, path + "?date=2031-06-15&tz=America/New_York")))
                .containsExactly("Morning");
        // Tokyo is UTC+9: Evening starts at 06:00 on the 15th there, Crossing ends at 10:30
        assertThat(titles(get(http, viewer, path + "?date=2031-06-14&tz=Asia/Tokyo")))
                .isEmpty();
        assertThat(titles(get(http, viewer, path + "?date=2031-06-15&tz=Asia/Tokyo")))
                .containsExactly("Evening", "Crossing", "Morning");

        Map<String, Object> day = get(http, viewer, path + "?date=2031-06-15");
        assertThat(day.get("total")).isEqualTo(2);
        assertThat(items(day).get(0))
                .containsEntry("channel_id", channel.toString())
                .containsEntry("start_time", "2031-06-14T23:30:00Z")
                .containsEntry("end_time", "2031-06-15T01:30:00Z")
                .containsEntry("synopsis", "About Crossing")
                .containsEntry("age_rating", "TV-G")
                .containsEntry("restricted", false)
                .containsKeys("genre", "is_new", "is_repeat", "series_title", "season_number", "episode_number");
    }

    @Test
    void theDayDefaultsToTodayInTheZone() {
        UUID channel = guide.channelId("Today");
        Instant now = Instant.now();
        guide.programme(channel, "On now", now.minusSeconds(60), now.plusSeconds(60));
        assertThat(titles(get(http, viewer, "/api/v1/epg/schedule/" + channel))).containsExactly("On now");
    }

    @Test
    void badDaysZonesAndChannelsAreClearErrors() {
        UUID channel = guide.channelId("Errors");
        expect("/api/v1/epg/schedule/" + channel + "?date=2031-02-30", HttpStatus.UNPROCESSABLE_CONTENT)
                .jsonPath("$.errors[0].field")
                .isEqualTo("date");
        expect("/api/v1/epg/schedule/" + channel + "?date={date}", HttpStatus.UNPROCESSABLE_CONTENT, "+999999999-12-31")
                .jsonPath("$.errors[0].field")
                .isEqualTo("date");
        expect("/api/v1/epg/schedule/" + channel + "?tz=Mars/Olympus", HttpStatus.UNPROCESSABLE_CONTENT)
                .jsonPath("$.errors[0].field")
                .isEqualTo("tz");
        expect("/api/v1/epg/schedule/" + channel + "?tz={tz}", HttpStatus.UNPROCESSABLE_CONTENT, "+02:00")
                .jsonPath("$.errors[0].field")
                .isEqualTo("tz");
        expect("/api/v1/epg/schedule/" + UUID.randomUUID(), HttpStatus.NOT_FOUND)
                .jsonPath("$.detail")
                .isEqualTo("Channel not found");
        expect("/api/v1/epg/schedule/not-a-uuid", HttpStatus.UNPROCESSABLE_CONTENT);
        http.get().uri("/api/v1/epg/channels").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theGridGivesSeveralChannelsTheirDayInOneCall() {
        UUID first = guide.channelId("Grid A");
        UUID second = guide.channelId("Grid B");
        UUID empty = guide.channelId("Grid C");
        guide.programme(first, "A1", Instant.parse("2031-07-01T22:00:00Z"), Instant.parse("2031-07-02T00:30:00Z"));
        guide.programme(first, "A2", Instant.parse("2031-07-02T00:30:00Z"), Instant.parse("2031-07-02T02:00:00Z"));
        guide.programme(second, "B1", Instant.parse("2031-07-02T10:00:00Z"), Instant.parse("2031-07-02T11:00:00Z"));
        guide.programme(second, "B2", Instant.parse("2031-07-03T10:00:00Z"), Instant.parse("2031-07-03T11:00:00Z"));

        Map<String, Object> grid = get(
                http,
                viewer,
                "/api/v1/epg/schedule?date=2031-07-02&tz=Europe/Paris&channel_ids=" + empty + "," + second + "," + first
                        + "," + UUID.randomUUID());
        assertThat(grid.get("total")).isEqualTo(3);
        List<Map<String, Object>> rows = items(grid);
        Map<String, List<String>> entries = new java.util.HashMap<>();
        rows.forEach(
                row -> entries.put((String) channelOf(row).get("id"), titles(Map.of("items", row.get("entries")))));
        // Paris is UTC+2 in July: its 2 July runs from 1 July 22:00 to 2 July 22:00 UTC
        assertThat(entries)
                .containsEntry(first.toString(), List.of("A1", "A2"))
                .containsEntry(second.toString(), List.of("B1"))
                .containsEntry(empty.toString(), List.of());
        List<Integer> numbers = rows.stream()
                .map(row -> (Integer) channelOf(row).get("channel_number"))
                .toList();
        assertThat(numbers).isSorted();

        expect("/api/v1/epg/schedule?channel_ids=", HttpStatus.UNPROCESSABLE_CONTENT);
        expect("/api/v1/epg/schedule?channel_ids=x,y", HttpStatus.UNPROCESSABLE_CONTENT);
        String tooMany = String.join(
                ",",
                java.util.stream.Stream.generate(() -> UUID.randomUUID().toString())
                        .limit(51)
                        .toList());
        expect("/api/v1/epg/schedule?channel_ids=" + tooMany, HttpStatus.UNPROCESSABLE_CONTENT)
                .jsonPath("$.errors[0].field")
                .isEqualTo("channel_ids");
    }

    @Test
    void favouritesComeFirstAndAddingOrRemovingTwiceChangesNothing() {
        UUID low = guide.channelId("Low");
        UUID high = guide.channelId("High");
        UUID profile = TestAccounts.firstProfileId(http, viewer);
        String favourite = "/api/v1/epg/favorites/" + high + "?profile_id=" + profile;

        favourite("POST", favourite).isNoContent();
        favourite("POST", favourite).isNoContent();
        List<Map<String, Object>> channels = items(get(http, viewer, "/api/v1/epg/channels?profile_id=" + profile));
        assertThat(channels.get(0)).containsEntry("id", high.toString()).containsEntry("is_favorite", true);
        assertThat(channels.stream().filter(c -> Boolean.TRUE.equals(c.get("is_favorite"))))
                .hasSize(1);
        assertThat(channels.stream().map(c -> c.get("id"))).contains(low.toString());
        List<Integer> others = channels.stream()
                .skip(1)
                .map(c -> (Integer) c.get("channel_number"))
                .toList();
        assertThat(others).isSorted();

        // without a profile: no favourites, plain channel-number order
        List<Map<String, Object>> plain = items(get(http, viewer, "/api/v1/epg/channels"));
        assertThat(plain.stream().map(c -> (Integer) c.get("channel_number")).toList())
                .isSorted();
        assertThat(plain).allSatisfy(c -> assertThat(c).containsEntry("is_favorite", false));

        // the grid marks favourites too
        Map<String, Object> grid =
                get(http, viewer, "/api/v1/epg/schedule?channel_ids=" + low + "," + high + "&profile_id=" + profile);
        assertThat(channelOf(items(grid).get(0))).containsEntry("id", high.toString());

        favourite("DELETE", favourite).isNoContent();
        favourite("DELETE", favourite).isNoContent();
        assertThat(items(get(http, viewer, "/api/v1/epg/channels?profile_id=" + profile)))
                .allSatisfy(c -> assertThat(c).containsEntry("is_favorite", false));

        favourite("POST", "/api/v1/epg/favorites/" + UUID.randomUUID() + "?profile_id=" + profile)
                .isNotFound();
        Account stranger = TestAccounts.register(http);
        http.post()
                .uri(favourite)
                .header("Authorization", stranger.bearer())
                .exchange()
                .expectStatus()
                .isForbidden();
        http.post()
                .uri("/api/v1/epg/favorites/" + high)
                .header("Authorization", viewer.bearer())
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Test
    void onlyEntitledCallersGetTheLiveStream() {
        Map<String, Object> includedChannel = guide.channel("In the package");
        UUID included = UUID.fromString((String) includedChannel.get("id"));
        UUID excluded = guide.channelId("Not in it");
        Account subscriber = TestAccounts.register(http);
        GuideFixtures.grantChannels(jdbc, subscriber.id(), List.of(included));

        Map<String, Map<String, Object>> forSubscriber = byId(items(get(http, subscriber, "/api/v1/epg/channels")));
        assertThat(forSubscriber.get(included.toString()))
                .containsEntry("entitled", true)
                .containsEntry("hls_live_url", includedChannel.get("hls_live_url"));
        assertThat(forSubscriber.get(excluded.toString()))
                .containsEntry("entitled", false)
                .containsEntry("hls_live_url", null);

        Map<String, Map<String, Object>> forViewer = byId(items(get(http, viewer, "/api/v1/epg/channels")));
        assertThat(forViewer.get(included.toString()))
                .containsEntry("entitled", false)
                .containsEntry("hls_live_url", null);

        Map<String, Object> grid = get(http, subscriber, "/api/v1/epg/schedule?channel_ids=" + included);
        assertThat(channelOf(items(grid).get(0))).containsEntry("entitled", true);
    }

    @Test
    void aRestrictedProfileSeesProgrammesAboveItsRatingMaskedInTheirSlots() {
        UUID channel = guide.channelId("Mixed");
        guide.programme(
                channel,
                "Cartoon Hour",
                Instant.parse("2031-08-01T08:00:00Z"),
                Instant.parse("2031-08-01T09:00:00Z"),
                Map.of("age_rating", "TV-Y"));
        guide.programme(
                channel,
                "Midnight Slasher",
                Instant.parse("2031-08-01T09:00:00Z"),
                Instant.parse("2031-08-01T10:00:00Z"),
                Map.of("age_rating", "TV-MA", "series_title", "Slashers", "season_number", 2, "episode_number", 5));
        Map<String, Object> unrated =
                GuideFixtures.programmeBody(channel, "Unrated Special", "2031-08-01T10:00:00Z", "2031-08-01T11:00:00Z");
        unrated.remove("age_rating");
        guide.send("POST", "/api/v1/admin/schedule", unrated).expectStatus().isCreated();

        UUID kid = UUID.fromString((String) http.post()
                .uri("/api/v1/auth/profiles")
                .header("Authorization", viewer.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Kid", "is_kids", true, "parental_rating", "TV-Y"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JSON_MAP)
                .returnResult()
                .getResponseBody()
                .get("id"));
        String day = "/api/v1/epg/schedule/" + channel + "?date=2031-08-01";

        List<Map<String, Object>> masked = items(get(http, viewer, day + "&profile_id=" + kid));
        assertThat(masked).hasSize(3);
        assertThat(masked.get(0))
                .containsEntry("title", "Cartoon Hour")
                .containsEntry("synopsis", "About Cartoon Hour")
                .containsEntry("restricted", false);
        assertThat(masked.get(1))
                .containsEntry("title", "Restricted")
                .containsEntry("restricted", true)
                .containsEntry("synopsis", null)
                .containsEntry("series_title", null)
                .containsEntry("season_number", null)
                .containsEntry("episode_number", null)
                .containsEntry("start_time", "2031-08-01T09:00:00Z")
                .containsEntry("end_time", "2031-08-01T10:00:00Z");
        assertThat(masked.get(2))
                .containsEntry("title", "Restricted")
                .containsEntry("restricted", true)
                .containsEntry("start_time", "2031-08-01T10:00:00Z");

        UUID grownUp = TestAccounts.firstProfileId(http, viewer);
        for (String uri : List.of(day, day + "&profile_id=" + grownUp)) {
            List<Map<String, Object>> open = items(get(http, viewer, uri));
            assertThat(titles(Map.of("items", open)))
                    .containsExactly("Cartoon Hour", "Midnight Slasher", "Unrated Special");
            assertThat(open).allSatisfy(entry -> assertThat(entry).containsEntry("restricted", false));
            assertThat(open.get(1)).containsEntry("series_title", "Slashers").containsEntry("episode_number", 5);
        }

        Map<String, Object> grid =
                get(http, viewer, "/api/v1/epg/schedule?date=2031-08-01&channel_ids=" + channel + "&profile_id=" + kid);
        assertThat(titles(Map.of("items", items(grid).get(0).get("entries"))))
                .containsExactly("Cartoon Hour", "Restricted", "Restricted");

        Account stranger = TestAccounts.register(http);
        http.get()
                .uri(day + "&profile_id=" + kid)
                .header("Authorization", stranger.bearer())
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec expect(
            String uri, HttpStatus status, Object... variables) {
        return http.get()
                .uri(uri, variables)
                .header("Authorization", viewer.bearer())
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody();
    }

    private org.springframework.test.web.servlet.client.StatusAssertions favourite(String method, String uri) {
        return http.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(uri)
                .header("Authorization", viewer.bearer())
                .exchange()
                .expectStatus();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> channelOf(Map<String, Object> row) {
        return (Map<String, Object>) row.get("channel");
    }

    private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> channels) {
        Map<String, Map<String, Object>> byId = new java.util.HashMap<>();
        channels.forEach(c -> byId.put((String) c.get("id"), c));
        return byId;
    }
}
