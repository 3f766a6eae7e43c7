package io.marquee.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
class HealthAndDocsIT {

    @Autowired
    RestTestClient http;

    @Autowired
    ApplicationContext context;

    @Test
    void readyWhenDatabaseAndRedisAnswer() {
        for (String path : new String[] {"/health/ready", "/health"}) {
            http.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .json("{\"status\":\"ok\",\"checks\":{\"database\":\"up\",\"redis\":\"up\"}}");
        }
        http.get()
                .uri("/health/live")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("{\"status\":\"ok\"}");
    }

    @Test
    void readinessTurns503WhenTheInstanceStopsTakingTraffic() {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            http.get()
                    .uri("/health/ready")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("degraded");
            http.get().uri("/health/live").exchange().expectStatus().isOk();
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        http.get().uri("/health/ready").exchange().expectStatus().isOk();
    }

    @Test
    void prometheusMetricsCoverHttpJvmPoolAndCaches() {
        http.get().uri("/health/live").exchange();
        String metrics = http.get()
                .uri("/metrics")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(metrics)
                .contains("http_server_requests_seconds_count")
                .contains("jvm_memory_used_bytes")
                .contains("hikaricp_connections_max")
                .containsPattern("cache_gets_total\\{[^}]*cache=\"genres\"");
    }

    @Test
    void apiDescriptionAndUiAreServed() {
        http.get()
                .uri("/openapi.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.info.title")
                .isEqualTo("Marquee API")
                .jsonPath("$.paths['/health/ready'].get.tags[0]")
                .isEqualTo("Health")
                .jsonPath("$.paths['/health/ready'].get.summary")
                .isNotEmpty()
                .jsonPath("$.components.schemas.Problem.properties.request_id")
                .exists()
                .jsonPath("$.components.securitySchemes.bearer.scheme")
                .isEqualTo("bearer");
        http.get().uri("/docs").exchange().expectStatus().is3xxRedirection();
        http.get()
                .uri("/swagger-ui/index.html")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("Swagger UI"));
    }

    @Test
    void nothingElseOfActuatorIsReachable() {
        for (String path : new String[] {
            "/actuator", "/actuator/health", "/actuator/env", "/env", "/beans", "/configprops", "/heapdump", "/loggers"
        }) {
            http.get().uri(path).exchange().expectStatus().isNotFound();
        }
    }
}
