package io.marquee.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Verifies each distinct access token once: a playing device sends the same token with every heartbeat until it
 * refreshes it, and checking its signature and claims again each time costs more than the rest of authentication.
 * The key is the whole token, signature included, so a hit is a token that passed every check before; an entry
 * leaves the cache when the token expires (with the tolerated clock skew, as the validator allows), so an expired
 * token reaches the delegate again and is refused there. Whether the user is still active is checked on every request
 * afterwards, not cached here.
 */
final class VerifiedTokens implements JwtDecoder {

    /** About 1.5 kB each: enough for the devices one instance serves, small next to the heap. */
    private static final int MAX_TOKENS = 20_000;

    private final JwtDecoder delegate;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder delegate, Clock clock, Duration clockSkew) {
        this.delegate = delegate;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> {
                    Duration valid =
                            Duration.between(clock.instant(), jwt.getExpiresAt().plus(clockSkew));
                    return valid.isNegative() ? Duration.ZERO : valid;
                }))
                .build();
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = verified.getIfPresent(token);
        if (jwt == null) {
            jwt = delegate.decode(token);
            verified.put(token, jwt);
        }
        return jwt;
    }
}
