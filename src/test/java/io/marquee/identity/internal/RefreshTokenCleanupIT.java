package io.marquee.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.MarqueeApplication;
import io.marquee.support.Concurrently;
import io.marquee.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two instances on one database: a cleanup tick runs on exactly one of them. */
@IntegrationTest
class RefreshTokenCleanupIT {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void simultaneousTicksOnTwoInstancesRunTheJobOnce() throws Exception {
        UUID userId = jdbc.sql("INSERT INTO users (email, password_hash) VALUES (:email, 'x') RETURNING id")
                .param("email", "cleanup-" + UUID.randomUUID() + "@test.marquee.io")
                .query(UUID.class)
                .single();
        jdbc.sql("""
                        INSERT INTO refresh_tokens (user_id, family_id, token_hash, created_at, expires_at, family_expires_at)
                        VALUES (:user, gen_random_uuid(), sha256(convert_to(gen_random_uuid()::text, 'UTF8')), :past, :past, :past)
                        """)
                .param("user", userId)
                .param("past", Instant.parse("2020-01-01T00:00:00Z").atOffset(ZoneOffset.UTC))
                .update();

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(MarqueeApplication.class)
                .profiles("test")
                .run("--server.port=0")) { // an argument: default properties lose to application.yml's port
            List<ConfigurableApplicationContext> instances = List.of(context, second);
            Concurrently.run(instances.stream()
                    .map(instance -> (Callable<Void>) () -> {
                        instance.getBean(RefreshTokenCleanup.class).run();
                        return null;
                    })
                    .toList());
            long runs =
                    instances.stream().mapToLong(RefreshTokenCleanupIT::runs).sum();
            assertThat(runs).isEqualTo(1);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM refresh_tokens WHERE user_id = :user")
                        .param("user", userId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static long runs(ConfigurableApplicationContext instance) {
        Timer timer = instance.getBean(MeterRegistry.class)
                .find("marquee.jobs.runs")
                .tag("job", RefreshTokenCleanup.JOB)
                .timer();
        return timer == null ? 0 : timer.count();
    }
}
