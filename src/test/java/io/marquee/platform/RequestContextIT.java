package io.marquee.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RequestContextIT {

    @Autowired
    RestTestClient http;

    private String requestIdFor(String incoming) {
        var request = http.get().uri("/no-such-page");
        if (incoming != null) {
            request.header("X-Request-ID", incoming);
        }
        var result = request.exchange().expectBody().returnResult();
        String echoed = result.getResponseHeaders().getFirst("X-Request-ID");
        assertThat(new String(result.getResponseBody())).contains("\"request_id\":\"" + echoed + "\"");
        return echoed;
    }

    @Test
    void saneIncomingIdIsEchoed() {
        assertThat(requestIdFor("edge-7f3a-0001")).isEqualTo("edge-7f3a-0001");
        assertThat(requestIdFor("a".repeat(64))).isEqualTo("a".repeat(64));
    }

    @Test
    void insaneIncomingIdIsReplaced() {
        assertThat(requestIdFor("a".repeat(65))).hasSize(36).doesNotContain("aaaa");
        assertThat(requestIdFor("bad id\";drop")).hasSize(36);
        assertThat(requestIdFor("trace_id_with_underscores")).hasSize(36);
    }

    @Test
    void missingIdIsGenerated() {
        assertThat(requestIdFor(null)).matches("[0-9a-f-]{36}");
        assertThat(requestIdFor(null)).isNotEqualTo(requestIdFor(null));
    }

    @Test
    void oneAccessLinePerRequestButNoneForHealthChecks(CapturedOutput output) {
        http.get().uri("/no-such-page").header("X-Request-ID", "access-log-1").exchange();
        http.get().uri("/health/live").header("X-Request-ID", "access-log-2").exchange();
        assertThat(output.getOut())
                .containsOnlyOnce("GET /no-such-page 404")
                .contains("access-log-1")
                .doesNotContain("access-log-2");
    }
}
