package io.marquee.platform.health;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Liveness and readiness for load balancers and orchestrators. Liveness never touches a backing service; readiness
 * checks PostgreSQL ({@code SELECT 1}) and Redis ({@code PING}) in parallel, each bounded by the check timeout, and
 * reports 503 as soon as the application starts shutting down.
 */
@Tag(name = "Health", description = "Liveness and readiness probes (outside /api/v1, no authentication)")
@RestController
class HealthController {

    private final JdbcClient jdbc;
    private final RedisConnectionFactory redis;
    private final AsyncTaskExecutor executor;
    private final ApplicationAvailability availability;
    private final Duration timeout;

    HealthController(
            JdbcClient jdbc,
            RedisConnectionFactory redis,
            AsyncTaskExecutor applicationTaskExecutor,
            ApplicationAvailability availability,
            @Value("${marquee.health.check-timeout:2s}") Duration timeout) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.executor = applicationTaskExecutor;
        this.availability = availability;
        this.timeout = timeout;
    }

    @Operation(summary = "Liveness: the process is up", description = "Always 200 while the process runs.")
    @GetMapping("/health/live")
    Map<String, String> live() {
        return Map.of("status", "ok");
    }

    @Operation(
            summary = "Readiness: database and Redis reachable",
            description = "200 `{status: ok, checks: {database: up, redis: up}}`; 503 `{status: degraded, checks}`"
                    + " when a check fails or times out (2 s each), or while the instance shuts down.")
    @GetMapping({"/health/ready", "/health"})
    ResponseEntity<Map<String, Object>> ready() {
        CompletableFuture<Boolean> database =
                check(() -> jdbc.sql("SELECT 1").query(Integer.class).single() == 1);
        CompletableFuture<Boolean> cache = check(this::pingRedis);
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("database", state(database));
        checks.put("redis", state(cache));
        boolean accepting = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
        boolean ok = accepting && !checks.containsValue("down");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ok ? "ok" : "degraded");
        body.put("checks", checks);
        return ResponseEntity.status(ok ? 200 : 503).body(body);
    }

    private boolean pingRedis() {
        try (RedisConnection connection = redis.getConnection()) {
            return "PONG".equals(connection.ping());
        }
    }

    private CompletableFuture<Boolean> check(java.util.function.Supplier<Boolean> probe) {
        return CompletableFuture.supplyAsync(probe, executor)
                .completeOnTimeout(false, timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> false);
    }

    private static String state(CompletableFuture<Boolean> check) {
        return check.join() ? "up" : "down";
    }
}
