package io.marquee.epg;

import static io.marquee.epg.GuideFixtures.get;
import static io.marquee.epg.GuideFixtures.items;
import static io.marquee.support.TestAccounts.JSON_MAP;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.support.IntegrationTest;
import io.marquee.support.MutableClock;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Now/next at moments placed with the application's clock, far from every other test's programmes. */
@IntegrationTest
class EpgNowPlayingIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    GuideFixtures guide;
    Account viewer;
    Instant now;

    @BeforeEach
    void placeNowWhereNoOtherTestHasProgrammes() {
        clock.advance(Duration.ofDays(ThreadLocalRandom.current().nextInt(20_000, 60_000)));
        now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        // tokens are checked against the moved clock, so sign in after moving it
        guide = new GuideFixtures(http, TestAccounts.registerAdmin(http, jdbc));
        viewer = TestAccounts.register(http);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void everyChannelOnAirShowsItsProgrammeAndTheNextByChannelNumber() {
        int base = ThreadLocalRandom.current().nextInt(100_000, Integer.MAX_VALUE - 10);
        UUID second = id(guide.channel("Second", base + 1));
        UUID first = id(guide.channel("First", base));
        UUID offAir = id(guide.channel("Off air", base + 2));
        UUID last = id(guide.channel("Last", base + 3));
        guide.programme(first, "First now", at(-30), at(30));
        guide.programme(first, "First next", at(30), at(90));
        guide.programme(first, "First later", at(90), at(120));
        guide.programme(second, "Second before", at(-120), at(-60));
        guide.programme(second, "Second now", at(-10), at(5));
        guide.programme(second, "Second next", at(60), at(120));
        guide.programme(offAir, "Not yet", at(10), at(20));
        guide.programme(last, "Last now", at(-5), at(5));
        guide.programme(last, "Beyond a day", at(5 + 25 * 60), at(6 + 25 * 60));

        List<Map<String, Object>> mine =
                mine(get(http, viewer, "/api/v1/epg/now"), Set.of(first, second, offAir, last));
        assertThat(mine).extracting(item -> channel(item).get("name")).containsExactly("First", "Second", "Last");
        assertThat(programme(mine.get(0), "current_program"))
                .containsEntry("title", "First now")
                .containsEntry("start_time", at(-30).toString())
                .containsEntry("restricted", false);
        assertThat(programme(mine.get(0), "next_program")).containsEntry("title", "First next");
        assertThat(programme(mine.get(1), "current_program")).containsEntry("title", "Second now");
        assertThat(programme(mine.get(1), "next_program")).containsEntry("title", "Second next");
        assertThat(programme(mine.get(2), "current_program")).containsEntry("title", "Last now");
        assertThat(mine.get(2).get("next_program")).isNull();
        assertThat(channel(mine.get(0)))
                .containsEntry("channel_number", base)
                .containsEntry("is_favorite", false)
                .containsEntry("entitled", false)
                .containsEntry("hls_live_url", null);
    }

    @Test
    void nowFollowsTheClock() {
        UUID channel = guide.channelId("Moving");
        guide.programme(channel, "A", at(-10), at(10));
        guide.programme(channel, "B", at(10), at(40));
        guide.programme(channel, "C", at(40), at(60));
        assertThat(currentAndNext(channel)).containsExactly("A", "B");

        advance(Duration.ofMinutes(15));
        assertThat(currentAndNext(channel)).containsExactly("B", "C");

        advance(Duration.ofMinutes(30));
        assertThat(currentAndNext(channel)).containsExactly("C", null);

        advance(Duration.ofMinutes(30));
        assertThat(mine(get(http, viewer, "/api/v1/epg/now"), Set.of(channel))).isEmpty();
    }

    @Test
    void aProfileGetsItsFavouritesMarkedAndRestrictedProgrammesMasked() {
        UUID channel = guide.channelId("Night");
        guide.programme(channel, "Grown-up Drama", at(-10), at(10), Map.of("age_rating", "TV-14"));
        guide.programme(channel, "Kids Club", at(10), at(40), Map.of("age_rating", "TV-Y"));
        UUID kid = UUID.fromString((String) http.post()
                .uri("/api/v1/auth/profiles")
                .header("Authorization", viewer.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Kid", "is_kids", true, "parental_rating", "TV-G"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JSON_MAP)
                .returnResult()
                .getResponseBody()
                .get("id"));
        http.post()
                .uri("/api/v1/epg/favorites/" + channel + "?profile_id=" + kid)
                .header("Authorization", viewer.bearer())
                .exchange()
                .expectStatus()
                .isNoContent();

        Map<String, Object> item = mine(get(http, viewer, "/api/v1/epg/now?profile_id=" + kid), Set.of(channel))
                .get(0);
        assertThat(channel(item)).containsEntry("is_favorite", true);
        assertThat(programme(item, "current_program"))
                .containsEntry("title", "Restricted")
                .containsEntry("restricted", true)
                .containsEntry("synopsis", null);
        assertThat(programme(item, "next_program"))
                .containsEntry("title", "Kids Club")
                .containsEntry("restricted", false);

        Map<String, Object> unmasked =
                mine(get(http, viewer, "/api/v1/epg/now"), Set.of(channel)).get(0);
        assertThat(programme(unmasked, "current_program")).containsEntry("title", "Grown-up Drama");
    }

    /** Moves the clock and signs in again: access tokens live 15 minutes by that clock. */
    private void advance(Duration duration) {
        clock.advance(duration);
        viewer = TestAccounts.login(http, viewer.email());
    }

    private Instant at(int minutesFromNow) {
        return now.plus(Duration.ofMinutes(minutesFromNow));
    }

    private List<String> currentAndNext(UUID channel) {
        Map<String, Object> item =
                mine(get(http, viewer, "/api/v1/epg/now"), Set.of(channel)).get(0);
        Map<String, Object> next = programme(item, "next_program");
        return java.util.Arrays.asList(
                (String) programme(item, "current_program").get("title"),
                next == null ? null : (String) next.get("title"));
    }

    private static List<Map<String, Object>> mine(Map<String, Object> listing, Set<UUID> channels) {
        return items(listing).stream()
                .filter(item ->
                        channels.contains(UUID.fromString((String) channel(item).get("id"))))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> channel(Map<String, Object> item) {
        return (Map<String, Object>) item.get("channel");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> programme(Map<String, Object> item, String key) {
        return (Map<String, Object>) item.get(key);
    }

    private static UUID id(Map<String, Object> created) {
        return UUID.fromString((String) created.get("id"));
    }
}
