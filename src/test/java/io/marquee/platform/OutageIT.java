package io.marquee.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static testprobe.ProbeEndpoints.computations;

import com.zaxxer.hikari.HikariDataSource;
import io.marquee.platform.config.DatabaseUrl;
import io.marquee.support.IntegrationTest;
import io.marquee.support.TcpProxy;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import testprobe.ProbeEndpoints;

/**
 * PostgreSQL and Redis are reached through proxies that the tests cut and restore: outages become fast 503s (or,
 * for the cache, misses), never hung requests or 500s, and the service recovers by itself.
 */
@IntegrationTest
@Import(ProbeEndpoints.class)
class OutageIT {

    static final TcpProxy database;
    static final TcpProxy redis;

    static {
        DatabaseUrl real = DatabaseUrl.parse(System.getenv("DATABASE_URL"));
        URI jdbc = URI.create(real.jdbcUrl().substring("jdbc:".length()));
        database = new TcpProxy(jdbc.getHost(), jdbc.getPort() > 0 ? jdbc.getPort() : 5432);
        redis = TcpProxy.toRedis();
    }

    @DynamicPropertySource
    static void throughProxies(DynamicPropertyRegistry registry) {
        DatabaseUrl proxied = DatabaseUrl.parse(System.getenv("DATABASE_URL")).via("127.0.0.1", database.port());
        registry.add("spring.datasource.url", proxied::jdbcUrl);
        registry.add("spring.datasource.username", proxied::username);
        registry.add("spring.datasource.password", proxied::password);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> 2);
        registry.add("spring.datasource.hikari.minimum-idle", () -> 0);
        registry.add("spring.datasource.hikari.connection-timeout", () -> 500);
        registry.add("spring.data.redis.url", redis::redisUrlThrough);
    }

    @Autowired
    RestTestClient http;

    @Autowired
    HikariDataSource pool;

    @AfterEach
    void bringEverythingBack() {
        database.restore();
        redis.restore();
        awaitReady();
    }

    private void expectDegraded(String database, String redis) {
        http.get()
                .uri("/health/ready")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .json("{\"status\":\"degraded\",\"checks\":{\"database\":\"" + database + "\",\"redis\":\"" + redis
                        + "\"}}");
    }

    private void awaitReady() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> http.get()
                        .uri("/health/ready")
                        .exchange()
                        .expectStatus()
                        .isOk());
    }

    @AfterAll
    static void closeProxies() {
        database.close();
        redis.close();
    }

    @Test
    void databaseOutageIsA503AndRecoversByItself() {
        http.get().uri("/probe/db").exchange().expectStatus().isOk();
        database.cut();

        expectDegraded("down", "up");
        http.get().uri("/health/live").exchange().expectStatus().isOk();
        http.get()
                .uri("/probe/db")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists("Retry-After")
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("The service is temporarily unavailable, please retry shortly");

        database.restore();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() ->
                        http.get().uri("/probe/db").exchange().expectStatus().isOk());
    }

    @Test
    void exhaustedPoolIsA503AfterTheConnectionTimeout() {
        var first = CompletableFuture.runAsync(
                () -> http.get().uri("/probe/hold?seconds=3").exchange());
        var second = CompletableFuture.runAsync(
                () -> http.get().uri("/probe/hold?seconds=3").exchange());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> pool.getHikariPoolMXBean().getActiveConnections() == 2);

        http.get().uri("/probe/db").exchange().expectStatus().isEqualTo(503);
        // a transaction that cannot begin for want of a connection is no different
        http.get().uri("/probe/db-transaction").exchange().expectStatus().isEqualTo(503);

        CompletableFuture.allOf(first, second).join();
        http.get().uri("/probe/db").exchange().expectStatus().isOk();
    }

    @Test
    void redisOutageMakesTheCacheMissButRequestsSucceed() {
        String key = "outage-" + System.nanoTime();
        assertThat(computations(http, key)).isEqualTo(1);
        assertThat(computations(http, key)).isEqualTo(1);

        redis.cut();
        expectDegraded("up", "down");
        http.get()
                .uri("/probe/cached/" + key)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.value")
                .isEqualTo("value-of-" + key)
                .jsonPath("$.computed")
                .isEqualTo(2);

        redis.restore();
        awaitReady();
        String fresh = key + "-after";
        http.get().uri("/probe/cached/" + fresh).exchange();
        assertThat(computations(http, fresh)).isEqualTo(1);
        assertThat(fresh).isNotEqualTo(key);
    }
}
