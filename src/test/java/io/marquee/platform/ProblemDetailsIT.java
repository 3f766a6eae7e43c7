package io.marquee.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import testprobe.ProbeEndpoints;

@IntegrationTest
@Import(ProbeEndpoints.class)
@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsIT {

    @Autowired
    RestTestClient http;

    @LocalServerPort
    int port;

    private RestTestClient.BodyContentSpec problem(RestTestClient.ResponseSpec response, HttpStatus status) {
        return response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(status.value())
                .jsonPath("$.title")
                .isEqualTo(status.getReasonPhrase())
                .jsonPath("$.type")
                .value(String.class, type -> assertThat(type).startsWith("urn:marquee:problem:"))
                .jsonPath("$.detail")
                .isNotEmpty()
                .jsonPath("$.instance")
                .isNotEmpty()
                .jsonPath("$.request_id")
                .isNotEmpty();
    }

    @Test
    void unknownRouteIs404() {
        problem(http.get().uri("/no/such/route").exchange(), HttpStatus.NOT_FOUND)
                .jsonPath("$.instance")
                .isEqualTo("/no/such/route");
    }

    @Test
    void unknownRouteUnderTheApiNeedsAuthenticationFirst() {
        problem(http.get().uri("/api/v1/no-such-thing").exchange(), HttpStatus.UNAUTHORIZED)
                .jsonPath("$.detail")
                .isEqualTo("Not authenticated");
        http.get().uri("/api/v1/no-such-thing").exchange().expectHeader().valueEquals("WWW-Authenticate", "Bearer");
    }

    @Test
    void securityLayerWrites403ForAnAuthenticatedCallerWithoutTheRole() {
        problem(
                http.get()
                        .uri("/api/probe/admin")
                        .header("X-Probe-User", "viewer")
                        .exchange(),
                HttpStatus.FORBIDDEN);
    }

    @Test
    void domainExceptionsKeepTheirStatusAndDetail() {
        problem(http.get().uri("/probe/items/" + java.util.UUID.randomUUID()).exchange(), HttpStatus.NOT_FOUND)
                .jsonPath("$.detail")
                .isEqualTo("Item not found");
        problem(http.post().uri("/probe/conflict").exchange(), HttpStatus.CONFLICT)
                .jsonPath("$.detail")
                .isEqualTo("Already there");
        problem(http.get().uri("/probe/forbidden").exchange(), HttpStatus.FORBIDDEN)
                .jsonPath("$.detail")
                .isEqualTo("Profile not found or access denied");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        problem(http.delete().uri("/probe/conflict").exchange(), HttpStatus.METHOD_NOT_ALLOWED);
        http.delete().uri("/probe/conflict").exchange().expectHeader().valueEquals("Allow", "POST");
    }

    @Test
    void wrongContentTypeIs415() {
        problem(
                http.post()
                        .uri("/probe/sign-up")
                        .contentType(MediaType.TEXT_PLAIN)
                        .body("email=a@b.c")
                        .exchange(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void invalidBodyIs422WithEveryField() {
        problem(
                        http.post()
                                .uri("/probe/sign-up")
                                .contentType(MediaType.APPLICATION_JSON)
                                .body("{\"email\":\"not-an-email\",\"password\":\"short\",\"is_admin\":true}")
                                .exchange(),
                        HttpStatus.UNPROCESSABLE_CONTENT)
                .jsonPath("$.errors.length()")
                .isEqualTo(2)
                .jsonPath("$.errors[?(@.field == 'email')].message")
                .isNotEmpty()
                .jsonPath("$.errors[?(@.field == 'password')].message")
                .isNotEmpty()
                .jsonPath("$.detail")
                .value(String.class, d -> assertThat(d).startsWith("2 invalid fields:"));
    }

    @Test
    void wrongJsonTypeIs422NamingTheField() {
        problem(
                        http.post()
                                .uri("/probe/sign-up")
                                .contentType(MediaType.APPLICATION_JSON)
                                .body("{\"email\":[1,2],\"password\":\"long enough\"}")
                                .exchange(),
                        HttpStatus.UNPROCESSABLE_CONTENT)
                .jsonPath("$.errors[0].field")
                .isEqualTo("email");
    }

    @Test
    void malformedJsonIs400() {
        problem(
                http.post()
                        .uri("/probe/sign-up")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("{\"email\":")
                        .exchange(),
                HttpStatus.BAD_REQUEST);
    }

    @Test
    void queryParameterRulesAre422() {
        problem(http.get().uri("/probe/page?page_size=500").exchange(), HttpStatus.UNPROCESSABLE_CONTENT)
                .jsonPath("$.errors[0].field")
                .isEqualTo("page_size");
        problem(http.get().uri("/probe/page?page_size=lots").exchange(), HttpStatus.UNPROCESSABLE_CONTENT)
                .jsonPath("$.errors[0].field")
                .isEqualTo("page_size");
        problem(http.get().uri("/probe/page").exchange(), HttpStatus.UNPROCESSABLE_CONTENT)
                .jsonPath("$.errors[0].message")
                .isEqualTo("is required");
        problem(http.get().uri("/probe/items/not-a-uuid").exchange(), HttpStatus.UNPROCESSABLE_CONTENT)
                .jsonPath("$.errors[0].field")
                .isEqualTo("id");
    }

    @Test
    void bodyOverOneMebibyteIs413() throws Exception {
        String big = "{\"email\":\"a@b.co\",\"password\":\"" + "x".repeat(1024 * 1024) + "\"}";
        problem(
                http.post()
                        .uri("/probe/sign-up")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(big)
                        .exchange(),
                HttpStatus.CONTENT_TOO_LARGE);

        // Chunked: no Content-Length, so the limit is enforced while reading.
        HttpResponse<String> chunked = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/probe/sign-up"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(
                                        () -> new ByteArrayInputStream(big.getBytes())))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void unexpectedFailureIs500WithoutInternalsButLogged(CapturedOutput output) {
        problem(
                        http.get()
                                .uri("/probe/boom")
                                .header("X-Request-ID", "boom-1")
                                .exchange(),
                        HttpStatus.INTERNAL_SERVER_ERROR)
                .jsonPath("$.detail")
                .isEqualTo("Internal error")
                .jsonPath("$.request_id")
                .isEqualTo("boom-1")
                .consumeWith(result -> assertThat(new String(result.getResponseBody()))
                        .doesNotContain("SELECT", "IllegalState", "secret", "at io.marquee"));
        assertThat(output.getOut()).contains("IllegalStateException", "at io.marquee", "boom-1");
    }
}
