package io.marquee.entitlement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.support.IntegrationTest;
import io.marquee.support.MutableClock;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
class SilentSessionJobIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SilentSessionJob job;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theJobEndsSessionsAtTheirLastHeartbeatPlusTheLivenessWindow() {
        Account viewer = TestAccounts.register(http);
        UUID profile = TestAccounts.firstProfileId(http, viewer);
        Instant lastHeartbeat = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID silent = session(viewer, profile, lastHeartbeat.minus(Duration.ofMinutes(10)));
        UUID alive = session(viewer, profile, lastHeartbeat);

        clock.advance(Duration.ofSeconds(30));
        job.run();

        assertThat(endedAt(silent)).isEqualTo(lastHeartbeat.minus(Duration.ofMinutes(8)));
        assertThat(endedAt(alive)).isNull();
    }

    private UUID session(Account viewer, UUID profile, Instant lastHeartbeat) {
        return jdbc.sql("""
                        INSERT INTO playback_sessions
                            (user_id, profile_id, content_type, content_id, started_at, last_heartbeat_at)
                        VALUES (:user, :profile, 'channel', gen_random_uuid(), :at, :at)
                        RETURNING id
                        """)
                .param("user", viewer.id())
                .param("profile", profile)
                .param("at", lastHeartbeat.atOffset(ZoneOffset.UTC))
                .query(UUID.class)
                .single();
    }

    private Instant endedAt(UUID session) {
        return jdbc.sql("SELECT ended_at FROM playback_sessions WHERE id = :id")
                .param("id", session)
                .query(Instant.class)
                .optional()
                .orElse(null);
    }
}
