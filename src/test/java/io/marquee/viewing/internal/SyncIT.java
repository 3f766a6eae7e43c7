package io.marquee.viewing.internal;

import static io.marquee.support.TestAccounts.JSON_MAP;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.MarqueeApplication;
import io.marquee.support.IntegrationTest;
import io.marquee.support.SseClient;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Live viewing events over SSE: delivery across instances, resume, ticket and header auth, the cap, sign-out. */
@IntegrationTest
class SyncIT {

    @Autowired
    RestTestClient http;

    @Autowired
    ProfileSync sync;

    @LocalServerPort
    int port;

    Account viewer;
    UUID profile;

    private void viewer() {
        viewer = TestAccounts.register(http);
        profile = TestAccounts.firstProfileId(http, viewer);
    }

    private String url(int port, String query) {
        return "http://localhost:" + port + "/api/v1/viewing/events?profile_id=" + profile + query;
    }

    private static SyncEvent progress(UUID content, int position) {
        return new SyncEvent(null, "progress", content, position, false, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void aChangeOnOneInstanceReachesStreamsOnAnother() throws Exception {
        viewer();
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(MarqueeApplication.class)
                        .profiles("test")
                        .properties("server.port=0", "server.shutdown=immediate")
                        .run();
                SseClient stream = SseClient.open(
                        url(second.getEnvironment().getProperty("local.server.port", Integer.class), ""),
                        Map.of("Authorization", viewer.bearer()))) {
            assertThat(stream.status()).isEqualTo(200);
            UUID content = UUID.randomUUID();
            awaitSubscribed(stream, content);

            sync.publish(profile, progress(content, 120));

            SseClient.Event event = stream.next(Duration.ofSeconds(1));
            assertThat(event).isNotNull();
            assertThat(event.data())
                    .contains(
                            "\"type\":\"progress\"", "\"content_id\":\"" + content + "\"", "\"position_seconds\":120");
            assertThat(event.data()).contains("\"id\":\"" + event.id() + "\"");
        }
    }

    @Test
    void aReconnectingClientGetsWhatItMissedAfterLastEventId() throws Exception {
        viewer();
        UUID content = UUID.randomUUID();
        String firstId;
        try (SseClient stream = SseClient.open(url(port, ""), Map.of("Authorization", viewer.bearer()))) {
            awaitSubscribed(stream, content);
            firstId = lastSeen;
        }
        sync.publish(profile, progress(content, 300));
        sync.publish(profile, progress(content, 330));

        try (SseClient resumed =
                SseClient.open(url(port, ""), Map.of("Authorization", viewer.bearer(), "Last-Event-ID", firstId))) {
            List<String> data = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                data.add(resumed.next(Duration.ofSeconds(2)).data());
            }
            assertThat(data.get(0)).contains("\"position_seconds\":300");
            assertThat(data.get(1)).contains("\"position_seconds\":330");
        }
    }

    @Test
    void aTicketOpensOneStreamOnceAndOnlyForItsProfile() throws Exception {
        viewer();
        String ticket = ticket();
        try (SseClient stream = SseClient.open(url(port, "&ticket=" + ticket), Map.of())) {
            assertThat(stream.status()).isEqualTo(200);
        }
        try (SseClient again = SseClient.open(url(port, "&ticket=" + ticket), Map.of())) {
            assertThat(again.status()).isEqualTo(401);
        }
        try (SseClient none = SseClient.open(url(port, ""), Map.of())) {
            assertThat(none.status()).isEqualTo(401);
        }
        Account other = TestAccounts.register(http);
        UUID foreign = TestAccounts.firstProfileId(http, other);
        try (SseClient stream = SseClient.open(
                "http://localhost:" + port + "/api/v1/viewing/events?profile_id=" + foreign + "&ticket=" + ticket(),
                Map.of())) {
            assertThat(stream.status()).isEqualTo(403);
        }
    }

    @Test
    void anAccountHasAtMostTenOpenStreams() throws Exception {
        viewer();
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                SseClient stream = SseClient.open(url(port, ""), Map.of("Authorization", viewer.bearer()));
                assertThat(stream.status()).isEqualTo(200);
                open.add(stream);
            }
            try (SseClient eleventh = SseClient.open(url(port, ""), Map.of("Authorization", viewer.bearer()))) {
                assertThat(eleventh.status()).isEqualTo(429);
            }
        } finally {
            open.forEach(SseClient::close);
        }
    }

    @Test
    void signingOutEverywhereClosesTheStreams() throws Exception {
        viewer();
        try (SseClient stream = SseClient.open(url(port, ""), Map.of("Authorization", viewer.bearer()))) {
            assertThat(stream.status()).isEqualTo(200);
            http.post()
                    .uri("/api/v1/auth/logout-all")
                    .header("Authorization", viewer.bearer())
                    .exchange()
                    .expectStatus()
                    .isNoContent();
            stream.ended().get(10, TimeUnit.SECONDS);
        }
    }

    private String lastSeen;

    /**
     * A stream is subscribed once the server has accepted it; publishing a probe event and waiting for it proves the
     * whole path is live before the test relies on timing.
     */
    private void awaitSubscribed(SseClient stream, UUID content) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            sync.publish(profile, progress(content, 1));
            SseClient.Event probe = stream.next(Duration.ofMillis(200));
            if (probe != null) {
                lastSeen = probe.id();
                while ((probe = stream.next(Duration.ofMillis(300))) != null) {
                    lastSeen = probe.id();
                }
                return;
            }
        }
        throw new AssertionError("the stream never received an event");
    }

    private String ticket() {
        return (String) http.post()
                .uri("/api/v1/viewing/events/ticket?profile_id=" + profile)
                .header("Authorization", viewer.bearer())
                .exchange()
                .expectStatus()
                .isCreated()
                .returnResult(JSON_MAP)
                .getResponseBody()
                .get("ticket");
    }
}
