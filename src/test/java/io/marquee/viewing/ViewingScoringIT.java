package io.marquee.viewing;

import static io.marquee.catalog.CatalogFixtures.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marquee.catalog.CatalogFixtures;
import io.marquee.support.IntegrationTest;
import io.marquee.support.MutableClock;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Resumption scoring (PoC §3.5) against values computed by hand: a movie at 37.5 % with 75 minutes left and an episode
 * at 50 % with 20 minutes left, both watched a day ago; the profile finished three other episodes of the series within
 * 30 days (and one more 31 days ago, which no longer counts), another profile one more (never counted).
 */
@IntegrationTest
class ViewingScoringIT {

    /** e^(−1/7): one day old, 7-day decay. */
    static final double RECENCY = Math.exp(-1.0 / 7);

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    ViewingFixtures viewing;
    Account viewer;
    UUID profile;
    UUID movie;
    UUID[] episodes;

    @BeforeEach
    void setUp() {
        CatalogFixtures catalog = new CatalogFixtures(http, jdbc);
        viewing = new ViewingFixtures(http);
        viewer = TestAccounts.register(http);
        profile = TestAccounts.firstProfileId(http, viewer);
        movie = catalog.title(CatalogFixtures.word() + " Movie", Map.of("age_rating", "TV-14"));
        UUID series = catalog.title(CatalogFixtures.word() + " Series", Map.of("title_type", "series"));
        episodes = ViewingFixtures.series(catalog, series, 7)[0];

        viewing.heartbeatOk(viewer, profile, "episode", episodes[0], 2400, 2400); // outside the momentum window
        clock.advance(Duration.ofDays(31));
        viewer = TestAccounts.login(http, viewer.email()); // access tokens last 15 minutes of the moved clock
        for (int e = 1; e <= 3; e++) {
            viewing.heartbeatOk(viewer, profile, "episode", episodes[e], 2400, 2400);
        }
        Account other = TestAccounts.register(http);
        viewing.heartbeatOk(other, TestAccounts.firstProfileId(http, other), "episode", episodes[5], 2400, 2400);
        viewing.heartbeatOk(viewer, profile, "episode", episodes[4], 1200, 2400); // 50 %, 20 min left
        viewing.heartbeatOk(viewer, profile, "movie", movie, 2700, 7200); // 37.5 %, 75 min left
        clock.advance(Duration.ofDays(1));
        viewer = TestAccounts.login(http, viewer.email());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void withoutAnHourRecencyCompletionAndMomentumCount() {
        // movie: 0.40·r + 0.25·0.75 + 0.35·0.5; episode: 0.40·r + 0.25·1 + 0.35·(3/5)
        assertScores("", 0.40 * RECENCY + 0.1875 + 0.175, 0.40 * RECENCY + 0.25 + 0.21);
    }

    @Test
    void aMobileMorningFavoursLittleTimeLeft() {
        // time: movie 1 − min(75, 60)/60 = 0; episode 1 − 20/60
        assertScores(
                "&device_type=mobile&hour_of_day=6",
                0.30 * RECENCY + 0.15 + 0.125 + 0,
                0.30 * RECENCY + 0.20 + 0.15 + 0.25 * (1 - 20.0 / 60));
        assertScores(
                "&device_type=mobile&hour_of_day=10",
                0.30 * RECENCY + 0.15 + 0.125 + 0,
                0.30 * RECENCY + 0.20 + 0.15 + 0.25 * (1 - 20.0 / 60));
    }

    @Test
    void aTvEveningFavoursALotOfTimeLeftAndReordersTheList() {
        // time: movie 75/120, episode 20/120: the movie now comes first
        Map<String, Object> list = assertScores(
                "&device_type=tv&hour_of_day=21",
                0.30 * RECENCY + 0.15 + 0.125 + 0.25 * (75.0 / 120),
                0.30 * RECENCY + 0.20 + 0.15 + 0.25 * (20.0 / 120));
        assertThat(ViewingFixtures.contentIds(list)).containsExactly(movie.toString(), episodes[4].toString());
    }

    @Test
    void everyOtherDeviceAndHourIsNeutral() {
        for (String context : List.of(
                "&device_type=tablet&hour_of_day=8",
                "&device_type=web&hour_of_day=21",
                "&device_type=mobile&hour_of_day=11",
                "&device_type=tv&hour_of_day=18",
                "&hour_of_day=0")) {
            assertScores(context, 0.30 * RECENCY + 0.15 + 0.125 + 0.125, 0.30 * RECENCY + 0.20 + 0.15 + 0.125);
        }
    }

    @Test
    void theNextEpisodeSkipsOnlyThisProfilesFinishedOnes() {
        Map<String, Object> episode = items(viewing.continueWatching(viewer, profile)).stream()
                .filter(item -> item.get("content_id").equals(episodes[4].toString()))
                .findFirst()
                .orElseThrow();
        assertThat(episode.get("next_episode"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("episode_id", episodes[5].toString());
    }

    /** Scores are rounded to 4 places; the clock moved on by the test's own run time, which is within that. */
    private Map<String, Object> assertScores(String context, double movieScore, double episodeScore) {
        Map<String, Object> list = viewing.getOk(viewer, "/continue-watching?profile_id={p}" + context, profile);
        Map<Object, Object> scores = new java.util.HashMap<>();
        items(list).forEach(item -> scores.put(item.get("content_id"), item.get("resumption_score")));
        assertThat((Double) scores.get(movie.toString())).as(context).isCloseTo(movieScore, within(0.00006));
        assertThat((Double) scores.get(episodes[4].toString())).as(context).isCloseTo(episodeScore, within(0.00006));
        List<Double> ordered = items(list).stream()
                .map(item -> (Double) item.get("resumption_score"))
                .toList();
        assertThat(ordered).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        return list;
    }
}
