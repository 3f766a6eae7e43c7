package io.marquee.identity.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Whether a user may use their access tokens. Cached in process for {@code marquee.identity.status-cache-ttl}
 * (SPEC §3: a deactivated user is refused within 30 s) so that authenticating a request costs no query.
 */
@Component
class UserStatus {

    private final LoadingCache<UUID, Boolean> active;

    UserStatus(Users users, IdentitySettings settings, Clock clock) {
        this.active = Caffeine.newBuilder()
                .expireAfterWrite(settings.statusCacheTtl())
                .maximumSize(100_000)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build(users::isActive);
    }

    boolean isActive(UUID userId) {
        return active.get(userId);
    }

    /** Called when this instance changes a user's status; other instances follow within the TTL. */
    void forget(UUID userId) {
        active.invalidate(userId);
    }
}
