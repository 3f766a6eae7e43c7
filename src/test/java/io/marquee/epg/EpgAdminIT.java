package io.marquee.epg;

import static io.marquee.epg.GuideFixtures.channelBody;
import static io.marquee.epg.GuideFixtures.programmeBody;
import static io.marquee.epg.GuideFixtures.titles;
import static io.marquee.epg.GuideFixtures.uniqueNumber;
import static io.marquee.support.TestAccounts.JSON_MAP;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.entitlement.ContentKind;
import io.marquee.entitlement.PlayableContent;
import io.marquee.entitlement.PlayableContentResolver;
import io.marquee.support.IntegrationTest;
import io.marquee.support.RecordedEvents;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
class EpgAdminIT {

    private static final Instant NINE = Instant.parse("2032-01-10T09:00:00Z");
    private static final Instant TEN = Instant.parse("2032-01-10T10:00:00Z");
    private static final Instant ELEVEN = Instant.parse("2032-01-10T11:00:00Z");

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecordedEvents events;

    @Autowired
    List<PlayableContentResolver> resolvers;

    GuideFixtures guide;
    Account admin;

    @BeforeEach
    void setUp() {
        admin = TestAccounts.registerAdmin(http, jdbc);
        guide = new GuideFixtures(http, admin);
    }

    @Test
    void channelsAreCreatedChangedAndDeleted() {
        int number = uniqueNumber();
        Map<String, Object> created = guide.send("POST", "/api/v1/admin/channels", channelBody(" Marquee One ", number))
                .expectStatus()
                .isCreated()
                .expectHeader()
                .value("Location", location -> assertThat(location).startsWith("/api/v1/admin/channels/"))
                .expectBody(JSON_MAP)
                .returnResult()
                .getResponseBody();
        UUID id = UUID.fromString((String) created.get("id"));
        assertThat(created)
                .containsEntry("name", "Marquee One")
                .containsEntry("channel_number", number)
                .containsEntry("genre", "news")
                .containsEntry("is_hd", true)
                .containsEntry("logo_url", null)
                .containsKey("created_at");
        assertThat((String) created.get("created_at")).endsWith("Z");

        guide.send(
                        "PATCH",
                        "/api/v1/admin/channels/" + id,
                        Map.of("name", "Renamed", "logo_url", "https://cdn.example.com/l.png"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Renamed")
                .jsonPath("$.channel_number")
                .isEqualTo(number)
                .jsonPath("$.logo_url")
                .isEqualTo("https://cdn.example.com/l.png");
        guide.send("PUT", "/api/v1/admin/channels/" + id, Map.of("logo_url", "", "genre", "", "is_hd", false))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Renamed")
                .jsonPath("$.logo_url")
                .isEmpty()
                .jsonPath("$.genre")
                .isEmpty()
                .jsonPath("$.is_hd")
                .isEqualTo(false);
        assertThat(events.ofType(ChannelChanged.class))
                .filteredOn(e -> e.channelId().equals(id))
                .hasSize(3);

        Map<String, Object> listed = GuideFixtures.get(http, admin, "/api/v1/admin/channels");
        assertThat(GuideFixtures.items(listed)).anySatisfy(c -> assertThat(c).containsEntry("id", id.toString()));

        guide.send("DELETE", "/api/v1/admin/channels/" + id, null)
                .expectStatus()
                .isNoContent();
        guide.send("DELETE", "/api/v1/admin/channels/" + id, null)
                .expectStatus()
                .isNotFound();
        guide.send("PATCH", "/api/v1/admin/channels/" + id, Map.of("name", "Gone"))
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Channel not found");
        assertThat(events.ofType(ChannelRemoved.class)).contains(new ChannelRemoved(id));
    }

    @Test
    void channelNumbersAreUniqueAndPositiveAndGenresAClosedSet() {
        int taken = uniqueNumber();
        guide.channel("Taken", taken);
        guide.send("POST", "/api/v1/admin/channels", channelBody("Clash", taken))
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Channel number " + taken + " is already taken");
        UUID other = guide.channelId("Other");
        guide.send("PATCH", "/api/v1/admin/channels/" + other, Map.of("channel_number", taken))
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT);

        invalid(guide.send("POST", "/api/v1/admin/channels", channelBody("Zero", 0)), "channel_number");
        Map<String, Object> badGenre = new HashMap<>(channelBody("Genre", uniqueNumber()));
        badGenre.put("genre", "cooking");
        invalid(guide.send("POST", "/api/v1/admin/channels", badGenre), "genre");
        invalid(guide.send("POST", "/api/v1/admin/channels", Map.of("channel_number", uniqueNumber())), "name");
        invalid(
                guide.send("PATCH", "/api/v1/admin/channels/" + other, Map.of("hls_live_url", "ftp://x")),
                "hls_live_url");
    }

    @Test
    void programmesOfAChannelNeverOverlap() {
        UUID channel = guide.channelId("Busy");
        UUID nineToTen = guide.programme(channel, "Nine", NINE, TEN);
        guide.programme(channel, "Ten", TEN, ELEVEN); // back to back is fine

        guide.send(
                        "POST",
                        "/api/v1/admin/schedule",
                        programmeBody(channel, "Clash", "2032-01-10T09:30:00Z", "2032-01-10T10:30:00Z"))
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("The programme overlaps another on this channel");
        guide.send("PATCH", "/api/v1/admin/schedule/" + nineToTen, Map.of("end_time", "2032-01-10T10:00:01Z"))
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT);
        // the same slot on another channel is fine
        guide.programme(guide.channelId("Quiet"), "Nine elsewhere", NINE, TEN);

        Map<String, Object> day =
                GuideFixtures.get(http, admin, "/api/v1/admin/schedule?channel_id=" + channel + "&date=2032-01-10");
        assertThat(titles(day)).containsExactly("Nine", "Ten");
    }

    @Test
    void timesNeedAZoneAndEndAfterStart() {
        UUID channel = guide.channelId("Times");
        invalid(
                guide.send(
                        "POST",
                        "/api/v1/admin/schedule",
                        programmeBody(channel, "Local", "2032-01-10T09:00", "2032-01-10T10:00Z")),
                "start_time");
        invalid(
                guide.send(
                        "POST",
                        "/api/v1/admin/schedule",
                        programmeBody(channel, "Local", "2032-01-10T09:00:00Z", "2032-01-10T10:00:00")),
                "end_time");
        invalid(
                guide.send(
                        "POST",
                        "/api/v1/admin/schedule",
                        programmeBody(channel, "Backwards", "2032-01-10T10:00:00Z", "2032-01-10T09:00:00Z")),
                "end_time");
        invalid(
                guide.send(
                        "POST",
                        "/api/v1/admin/schedule",
                        programmeBody(channel, "Empty", "2032-01-10T10:00:00Z", "2032-01-10T10:00:00Z")),
                "end_time");
        invalid(
                guide.send(
                        "POST",
                        "/api/v1/admin/schedule",
                        programmeBody(UUID.randomUUID(), "Nowhere", "2032-01-10T10:00:00Z", "2032-01-10T11:00:00Z")),
                "channel_id");
        Map<String, Object> badRating = programmeBody(channel, "Rated", "2032-01-10T10:00:00Z", "2032-01-10T11:00:00Z");
        badRating.put("age_rating", "R");
        invalid(guide.send("POST", "/api/v1/admin/schedule", badRating), "age_rating");

        Map<String, Object> created = guide.send(
                        "POST",
                        "/api/v1/admin/schedule",
                        programmeBody(channel, "Offset", "2032-01-10T11:00:00+02:00", "2032-01-10T12:30:00+02:00"))
                .expectStatus()
                .isCreated()
                .expectBody(JSON_MAP)
                .returnResult()
                .getResponseBody();
        assertThat(created)
                .containsEntry("start_time", "2032-01-10T09:00:00Z")
                .containsEntry("end_time", "2032-01-10T10:30:00Z");
        String entry = "/api/v1/admin/schedule/" + created.get("id");
        invalid(guide.send("PATCH", entry, Map.of("end_time", "2032-01-10T08:00:00Z")), "end_time");
        invalid(guide.send("PUT", entry, Map.of("start_time", "2032-01-10T08:00")), "start_time");
    }

    @Test
    void programmesAreChangedAndDeletedAndEveryWriteIsAnnounced() {
        UUID channel = guide.channelId("Edited");
        UUID id = guide.programme(
                channel,
                "Draft",
                NINE,
                TEN,
                Map.of("series_title", "Drafts", "season_number", 1, "episode_number", 2, "genre", "drama"));
        assertThat(events.ofType(ScheduleChanged.class)).contains(new ScheduleChanged(channel, NINE, TEN));

        guide.send(
                        "PATCH",
                        "/api/v1/admin/schedule/" + id,
                        Map.of(
                                "title",
                                "Final",
                                "start_time",
                                "2032-01-10T10:00:00Z",
                                "end_time",
                                "2032-01-10T11:00:00Z",
                                "genre",
                                ""))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Final")
                .jsonPath("$.channel_id")
                .isEqualTo(channel.toString())
                .jsonPath("$.series_title")
                .isEqualTo("Drafts")
                .jsonPath("$.episode_number")
                .isEqualTo(2)
                .jsonPath("$.genre")
                .isEmpty();
        assertThat(events.ofType(ScheduleChanged.class)).contains(new ScheduleChanged(channel, NINE, ELEVEN));

        guide.send("DELETE", "/api/v1/admin/schedule/" + id, null)
                .expectStatus()
                .isNoContent();
        assertThat(events.ofType(ScheduleChanged.class)).contains(new ScheduleChanged(channel, TEN, ELEVEN));
        guide.send("DELETE", "/api/v1/admin/schedule/" + id, null)
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Schedule entry not found");
        guide.send("PATCH", "/api/v1/admin/schedule/" + id, Map.of("title", "Again"))
                .expectStatus()
                .isNotFound();
        guide.send("GET", "/api/v1/admin/schedule?channel_id=" + UUID.randomUUID(), null)
                .expectStatus()
                .isNotFound();
        invalid(guide.send("GET", "/api/v1/admin/schedule", null), "channel_id");
    }

    @Test
    void deletingAChannelTakesItsGuideAndFavouritesAlong() {
        UUID channel = guide.channelId("Doomed");
        guide.programme(channel, "Last show", NINE, TEN);
        Account viewer = TestAccounts.register(http);
        UUID profile = TestAccounts.firstProfileId(http, viewer);
        http.post()
                .uri("/api/v1/epg/favorites/" + channel + "?profile_id=" + profile)
                .header("Authorization", viewer.bearer())
                .exchange()
                .expectStatus()
                .isNoContent();

        guide.send("DELETE", "/api/v1/admin/channels/" + channel, null)
                .expectStatus()
                .isNoContent();
        assertThat(count("schedule_entries", channel)).isZero();
        assertThat(count("channel_favorites", channel)).isZero();
        http.get()
                .uri("/api/v1/epg/schedule/" + channel + "?date=2032-01-10")
                .header("Authorization", viewer.bearer())
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void onlyAdminsManageTheGuide() {
        Account viewer = TestAccounts.register(http);
        http.post()
                .uri("/api/v1/admin/channels")
                .header("Authorization", viewer.bearer())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(channelBody("Pirate", uniqueNumber()))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void statsCountChannelsAndPlaybackResolvesThem() {
        UUID channel = guide.channelId("Playable");
        Map<String, Object> stats = GuideFixtures.get(http, admin, "/api/v1/admin/stats");
        assertThat(((Number) stats.get("channel_count")).longValue()).isPositive();

        PlayableContentResolver resolver = resolvers.stream()
                .filter(r -> r.kinds().contains(ContentKind.CHANNEL))
                .findFirst()
                .orElseThrow();
        PlayableContent content = resolver.resolve(ContentKind.CHANNEL, channel).orElseThrow();
        assertThat(content.isChannel()).isTrue();
        assertThat(content.contentId()).isEqualTo(channel);
        assertThat(content.grantId()).isEqualTo(channel);
        assertThat(content.manifestUrl()).startsWith("https://live.example.com/");
        assertThat(resolver.resolve(ContentKind.CHANNEL, UUID.randomUUID())).isEmpty();
        assertThat(resolver.resolve(ContentKind.MOVIE, channel)).isEmpty();
    }

    private long count(String table, UUID channel) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE channel_id = :channel")
                .param("channel", channel)
                .query(Long.class)
                .single();
    }

    private static void invalid(RestTestClient.ResponseSpec response, String field) {
        response.expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }
}
