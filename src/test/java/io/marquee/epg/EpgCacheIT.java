package io.marquee.epg;

import static io.marquee.epg.GuideFixtures.get;
import static io.marquee.epg.GuideFixtures.items;
import static io.marquee.epg.GuideFixtures.titles;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.platform.cache.CacheSettings;
import io.marquee.platform.sql.SqlTime;
import io.marquee.support.IntegrationTest;
import io.marquee.support.MutableClock;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The guide's Redis caches: what they hold, and that admin writes show at once. */
@IntegrationTest
class EpgCacheIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    CacheSettings cacheSettings;

    @Autowired
    MutableClock clock;

    GuideFixtures guide;
    Account viewer;

    @BeforeEach
    void setUp() {
        guide = new GuideFixtures(http, TestAccounts.registerAdmin(http, jdbc));
        viewer = TestAccounts.register(http);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDayIsCachedPerChannelDateAndZoneAndAdminWritesShowAtOnce() {
        UUID channel = guide.channelId("Cached");
        guide.programme(channel, "First", Instant.parse("2033-05-01T18:00:00Z"), Instant.parse("2033-05-01T19:00:00Z"));
        String day = "/api/v1/epg/schedule/" + channel + "?date=2033-05-01&tz=America/New_York";
        assertThat(titles(get(http, viewer, day))).containsExactly("First");

        String key = cacheSettings.keyPrefix() + "epg-schedule::" + channel + "|2033-05-01|America/New_York";
        assertThat(redis.hasKey(key)).isTrue();
        assertThat(redis.getExpire(key)).isBetween(1L, 300L);

        // written behind the application's back: the cached day does not see it
        insertDirectly(channel, "Unseen", Instant.parse("2033-05-01T20:00:00Z"), Instant.parse("2033-05-01T21:00:00Z"));
        assertThat(titles(get(http, viewer, day))).containsExactly("First");

        // an admin write evicts the channel's cached days, whatever their zone
        UUID added = guide.programme(
                channel, "Added", Instant.parse("2033-05-01T21:00:00Z"), Instant.parse("2033-05-01T22:00:00Z"));
        assertThat(redis.hasKey(key)).isFalse();
        assertThat(titles(get(http, viewer, day))).containsExactly("First", "Unseen", "Added");

        guide.send("PATCH", "/api/v1/admin/schedule/" + added, Map.of("title", "Renamed"))
                .expectStatus()
                .isOk();
        assertThat(titles(get(http, viewer, day))).containsExactly("First", "Unseen", "Renamed");

        guide.send("DELETE", "/api/v1/admin/schedule/" + added, null)
                .expectStatus()
                .isNoContent();
        assertThat(titles(get(http, viewer, day))).containsExactly("First", "Unseen");
    }

    @Test
    void nowPlayingShowsANewProgrammeAtOnce() {
        clock.advance(Duration.ofDays(ThreadLocalRandom.current().nextInt(20_000, 60_000)));
        Account admin = TestAccounts.registerAdmin(http, jdbc);
        GuideFixtures later = new GuideFixtures(http, admin);
        Account watcher = TestAccounts.register(http);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        UUID channel = later.channelId("Breaking");

        assertThat(onAir(watcher, channel)).isZero();
        later.programme(channel, "Breaking News", now.minusSeconds(60), now.plusSeconds(600));
        assertThat(onAir(watcher, channel)).isOne();

        later.send("PATCH", "/api/v1/admin/channels/" + channel, Map.of("name", "Breaking 24"))
                .expectStatus()
                .isOk();
        assertThat(items(get(http, watcher, "/api/v1/epg/now")))
                .filteredOn(item -> channelId(item).equals(channel))
                .singleElement()
                .satisfies(item -> assertThat(channelOf(item)).containsEntry("name", "Breaking 24"));
    }

    private long onAir(Account account, UUID channel) {
        return items(get(http, account, "/api/v1/epg/now")).stream()
                .filter(item -> channelId(item).equals(channel))
                .count();
    }

    private void insertDirectly(UUID channel, String title, Instant start, Instant end) {
        jdbc.sql("""
                        INSERT INTO schedule_entries (channel_id, title, start_time, end_time)
                        VALUES (:channel, :title, :start, :end)
                        """)
                .param("channel", channel)
                .param("title", title)
                .param("start", SqlTime.utc(start))
                .param("end", SqlTime.utc(end))
                .update();
    }

    private static UUID channelId(Map<String, Object> item) {
        return UUID.fromString((String) channelOf(item).get("id"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> channelOf(Map<String, Object> item) {
        return (Map<String, Object>) item.get("channel");
    }
}
