package io.marquee.epg;

import static io.marquee.epg.GuideFixtures.get;
import static io.marquee.epg.GuideFixtures.titles;
import static io.marquee.support.TestAccounts.JSON_MAP;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.support.IntegrationTest;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
class EpgSearchIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    GuideFixtures guide;
    Account viewer;
    UUID channel;
    String token;
    Instant now;

    @BeforeEach
    void setUp() {
        guide = new GuideFixtures(http, TestAccounts.registerAdmin(http, jdbc));
        viewer = TestAccounts.register(http);
        channel = guide.channelId("Search");
        token = "tok" + UUID.randomUUID().toString().substring(0, 8);
        now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    }

    @Test
    void patternCharactersAndQuotesAreMatchedLiterally() {
        List<String> titles = List.of(
                " 100% Live",
                " 100X Live",
                " snake_case",
                " snakeXcase",
                " O'Brien Tonight",
                " OBrien Tonight",
                " Back\\slash",
                " Back slash");
        for (int i = 0; i < titles.size(); i++) {
            guide.programme(channel, token + titles.get(i), at(60 * i), at(60 * i + 30));
        }
        assertThat(search(token + " 100%")).containsExactly(token + " 100% Live");
        assertThat(search(token + " snake_")).containsExactly(token + " snake_case");
        assertThat(search(token + " O'Brien")).containsExactly(token + " O'Brien Tonight");
        assertThat(search(token + " Back\\")).containsExactly(token + " Back\\slash");
        assertThat(search(token + " %")).isEmpty();
        assertThat(search(token.toUpperCase() + " 100")).hasSize(2);
    }

    @Test
    void programmesStillToComeFirstSoonestFirstThenPastOnesLatestFirst() {
        guide.programme(channel, token + " past, two days ago", at(-48 * 60), at(-47 * 60));
        guide.programme(channel, token + " upcoming, later", at(26 * 60), at(27 * 60));
        guide.programme(channel, token + " past, yesterday", at(-24 * 60), at(-23 * 60));
        guide.programme(channel, token + " on air", at(-10), at(50));
        guide.programme(channel, token + " upcoming, soon", at(60), at(90));

        Map<String, Object> result = get(http, viewer, "/api/v1/epg/search?q=" + token);
        assertThat(titles(result))
                .containsExactly(
                        token + " on air",
                        token + " upcoming, soon",
                        token + " upcoming, later",
                        token + " past, yesterday",
                        token + " past, two days ago");
        assertThat(result.get("total")).isEqualTo(5);
    }

    @Test
    void aRestrictedProfileDoesNotFindProgrammesAboveItsRating() {
        guide.programme(channel, token + " for everyone", at(0), at(30), Map.of("age_rating", "TV-Y"));
        guide.programme(channel, token + " for adults", at(30), at(60), Map.of("age_rating", "TV-MA"));
        UUID kid = UUID.fromString((String) http.post()
                .uri("/api/v1/auth/profiles")
                .header("Authorization", viewer.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Kid", "is_kids", true))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JSON_MAP)
                .returnResult()
                .getResponseBody()
                .get("id"));

        assertThat(titles(get(http, viewer, "/api/v1/epg/search?q=" + token + "&profile_id=" + kid)))
                .containsExactly(token + " for everyone");
        assertThat(titles(get(http, viewer, "/api/v1/epg/search?q=" + token)))
                .containsExactly(token + " for everyone", token + " for adults");
    }

    @Test
    void aQueryIsRequired() {
        for (String uri : List.of("/api/v1/epg/search", "/api/v1/epg/search?q=   ")) {
            http.get()
                    .uri(uri)
                    .header("Authorization", viewer.bearer())
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("q");
        }
    }

    private List<String> search(String q) {
        return titles(get(http, viewer, "/api/v1/epg/search?q={q}", q));
    }

    private Instant at(int minutesFromNow) {
        return now.plus(Duration.ofMinutes(minutesFromNow));
    }
}
