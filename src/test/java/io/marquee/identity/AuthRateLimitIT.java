package io.marquee.identity;

import static io.marquee.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.marquee.support.IntegrationTest;
import io.marquee.support.TcpProxy;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The sign-in endpoints under their real limit (5 a minute per client IP), with Redis behind a proxy that a test
 * cuts: sign-in then fails closed, while signed-in reads go on.
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "marquee.rate-limit.limits.auth.capacity=5",
            "marquee.rate-limit.limits.auth.refill-tokens=5",
            "marquee.rate-limit.trusted-proxies=127.0.0.1,::1"
        })
class AuthRateLimitIT {

    static final TcpProxy redis = TcpProxy.toRedis();

    @DynamicPropertySource
    static void throughProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", redis::redisUrlThrough);
    }

    @Autowired
    RestTestClient http;

    @AfterEach
    void bringRedisBack() {
        redis.restore();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> login(clientAddress(), "nobody@test.marquee.io")
                                .returnResult()
                                .getStatus()
                        == HttpStatus.UNAUTHORIZED);
    }

    @AfterAll
    static void closeProxy() {
        redis.close();
    }

    @Test
    void theSixthSignInAttemptInAMinuteFromOneAddressIsRejected() {
        String attacker = clientAddress();
        for (int i = 0; i < 5; i++) {
            login(attacker, "victim@test.marquee.io").expectStatus().isUnauthorized();
        }
        login(attacker, "victim@test.marquee.io")
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .value(
                        "Retry-After",
                        retry -> assertThat(Integer.parseInt(retry)).isBetween(1, 60))
                .expectHeader()
                .valueEquals("RateLimit-Policy", "\"auth\";q=5;w=60")
                .expectHeader()
                .value("RateLimit", state -> assertThat(state).startsWith("\"auth\";r=0;t="));

        login(clientAddress(), "victim@test.marquee.io").expectStatus().isUnauthorized();
    }

    @Test
    void whileRedisIsDownSignInFailsClosedAndSignedInReadsGoOn() {
        Account account = TestAccounts.register(http);
        redis.cut();

        login(clientAddress(), account.email())
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader()
                .valueEquals("Retry-After", "5");
        http.get()
                .uri("/api/v1/auth/me")
                .header("Authorization", account.bearer())
                .exchange()
                .expectStatus()
                .isOk();
    }

    private RestTestClient.ResponseSpec login(String clientAddress, String email) {
        return http.post()
                .uri("/api/v1/auth/login")
                .header("X-Forwarded-For", clientAddress)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", PASSWORD))
                .exchange();
    }

    private static String clientAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
