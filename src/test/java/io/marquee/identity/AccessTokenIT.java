package io.marquee.identity;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.marquee.platform.security.JwtSettings;
import io.marquee.support.IntegrationTest;
import io.marquee.support.MutableClock;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Every way an access token can be wrong is a 401 in the problem shape (SPEC §3). */
@IntegrationTest
class AccessTokenIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JwtSettings settings;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anIssuedTokenWorksUntilItsExpiryPlusTheClockSkew() {
        Account account = TestAccounts.register(http);
        clock.advance(Duration.ofMinutes(15).plusSeconds(50));
        me("Bearer " + account.accessToken()).expectStatus().isOk();
        clock.advance(Duration.ofSeconds(11));
        me("Bearer " + account.accessToken())
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer")
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Invalid or expired token");
    }

    @Test
    void aTokenForgedWithTheRightSecretAndClaimsIsAccepted() throws Exception {
        Account account = TestAccounts.register(http);
        me("Bearer " + sign(account.id(), JWSAlgorithm.HS256, "at+jwt", c -> c))
                .expectStatus()
                .isOk();
    }

    @Test
    void tamperedTokensAreRejected() {
        Account account = TestAccounts.register(http);
        Account other = TestAccounts.register(http);
        String[] parts = account.accessToken().split("\\.");
        String otherPayload = other.accessToken().split("\\.")[1];
        me("Bearer " + parts[0] + "." + otherPayload + "." + parts[2])
                .expectStatus()
                .isUnauthorized();
        me("Bearer " + parts[0] + "." + parts[1] + "." + Base64URL.encode("not the signature"))
                .expectStatus()
                .isUnauthorized();
        me("Bearer garbage").expectStatus().isUnauthorized();
    }

    @Test
    void unsignedAndOtherAlgorithmTokensAreRejected() throws Exception {
        Account account = TestAccounts.register(http);
        String unsigned = new PlainJWT(claims(account.id()).build()).serialize();
        me("Bearer " + unsigned).expectStatus().isUnauthorized();
        String hs512 = sign(account.id(), JWSAlgorithm.HS512, "at+jwt", c -> c);
        me("Bearer " + hs512).expectStatus().isUnauthorized();
    }

    @Test
    void wrongAudienceIssuerOrTypeIsRejected() throws Exception {
        UUID id = TestAccounts.register(http).id();
        me("Bearer " + sign(id, JWSAlgorithm.HS256, "at+jwt", c -> c.audience("someone-else")))
                .expectStatus()
                .isUnauthorized();
        me("Bearer " + sign(id, JWSAlgorithm.HS256, "at+jwt", c -> c.issuer("elsewhere")))
                .expectStatus()
                .isUnauthorized();
        me("Bearer " + sign(id, JWSAlgorithm.HS256, null, c -> c))
                .expectStatus()
                .isUnauthorized();
        me("Bearer " + sign(id, JWSAlgorithm.HS256, "JWT", c -> c))
                .expectStatus()
                .isUnauthorized();
        me("Bearer " + sign(id, JWSAlgorithm.HS256, "at+jwt", c -> c.jwtID(null)))
                .expectStatus()
                .isUnauthorized();
        me("Bearer " + sign(id, JWSAlgorithm.HS256, "at+jwt", c -> c.subject("admin")))
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void aRefreshTokenIsNotAnAccessToken() {
        Account account = TestAccounts.register(http);
        me("Bearer " + account.refreshToken()).expectStatus().isUnauthorized();
    }

    @Test
    void aDeactivatedUserIsRefusedWithinThirtySeconds() {
        Account account = TestAccounts.register(http);
        me(account.bearer()).expectStatus().isOk();
        jdbc.sql("UPDATE users SET is_active = false WHERE id = :id")
                .param("id", account.id())
                .update();
        clock.advance(Duration.ofSeconds(31));
        me(account.bearer()).expectStatus().isUnauthorized();
    }

    @Test
    void aTokenOfADeletedUserIsRefused() throws Exception {
        me("Bearer " + sign(UUID.randomUUID(), JWSAlgorithm.HS256, "at+jwt", c -> c))
                .expectStatus()
                .isUnauthorized();
    }

    private RestTestClient.ResponseSpec me(String authorization) {
        return http.get()
                .uri("/api/v1/auth/me")
                .header("Authorization", authorization)
                .exchange();
    }

    private JWTClaimsSet.Builder claims(UUID userId) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .subject(userId.toString())
                .issuer(settings.issuer())
                .audience(settings.audience())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString());
    }

    private String sign(UUID userId, JWSAlgorithm algorithm, String type, UnaryOperator<JWTClaimsSet.Builder> change)
            throws Exception {
        JWSHeader.Builder header = new JWSHeader.Builder(algorithm);
        if (type != null) {
            header.type(new JOSEObjectType(type));
        }
        SignedJWT jwt =
                new SignedJWT(header.build(), change.apply(claims(userId)).build());
        byte[] key = algorithm == JWSAlgorithm.HS512
                ? (settings.secret() + settings.secret()).getBytes(java.nio.charset.StandardCharsets.UTF_8)
                : settings.secretBytes();
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }
}
