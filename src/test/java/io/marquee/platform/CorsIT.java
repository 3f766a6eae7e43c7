package io.marquee.platform;

import io.marquee.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
class CorsIT {

    @Autowired
    RestTestClient http;

    private RestTestClient.ResponseSpec preflight(String origin, String method, String headers) {
        return http.method(HttpMethod.OPTIONS)
                .uri("/api/v1/viewing/bookmarks")
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers)
                .exchange();
    }

    @Test
    void preflightFromAConfiguredOriginIsAllowedWithoutAToken() {
        preflight("http://localhost:5173", "PUT", "Authorization, Content-Type")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Access-Control-Allow-Origin", "http://localhost:5173")
                .expectHeader()
                .valueEquals("Access-Control-Allow-Credentials", "true")
                .expectHeader()
                .valueEquals("Access-Control-Allow-Methods", "GET,POST,PUT,PATCH,DELETE,OPTIONS")
                .expectHeader()
                .valueEquals("Access-Control-Allow-Headers", "Authorization, Content-Type");
        preflight("http://localhost:5174", "GET", "Last-Event-ID")
                .expectStatus()
                .isOk();
    }

    @Test
    void otherOriginsMethodsAndHeadersAreRefusedWithAProblem() {
        for (var refused : new String[][] {
            {"https://evil.example", "GET", "Authorization"},
            {"http://localhost:5173", "TRACE", "Authorization"},
            {"http://localhost:5173", "GET", "X-Custom-Header"}
        }) {
            preflight(refused[0], refused[1], refused[2])
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .doesNotExist("Access-Control-Allow-Origin")
                    .expectBody()
                    .jsonPath("$.detail")
                    .isEqualTo("Cross-origin request not allowed");
        }
    }

    @Test
    void actualRequestFromAnAllowedOriginExposesTheRequestId() {
        http.get()
                .uri("/health/live")
                .header("Origin", "http://localhost:5173")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Access-Control-Allow-Origin", "http://localhost:5173")
                .expectHeader()
                .value(
                        "Access-Control-Expose-Headers",
                        h -> org.assertj.core.api.Assertions.assertThat(h).contains("X-Request-ID"));
    }
}
