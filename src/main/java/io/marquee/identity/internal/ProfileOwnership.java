package io.marquee.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.marquee.identity.AuthenticatedUser;
import io.marquee.platform.errors.ForbiddenException;
import io.marquee.platform.web.RequestContext;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a profile id belongs to the caller. Owners are cached in process for
 * {@code marquee.identity.ownership-cache-ttl} because the check runs on every heartbeat; a profile's owner never
 * changes, and a deleted profile is evicted on this instance (others notice within the TTL, then the write's
 * foreign key refuses).
 */
@Component
class ProfileOwnership {

    static final String DENIED = "Profile not found or access denied";

    private final Profiles profiles;
    private final Cache<UUID, UUID> owners;

    ProfileOwnership(Profiles profiles, IdentitySettings settings, Clock clock) {
        this.profiles = profiles;
        this.owners = Caffeine.newBuilder()
                .expireAfterWrite(settings.ownershipCacheTtl())
                .maximumSize(100_000)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /** Passes when the signed-in caller owns the profile, else 403; binds the profile to the request's logs. */
    void verify(UUID profileId) {
        UUID caller = callerId();
        UUID owner = owners.getIfPresent(profileId);
        if (owner == null) {
            owner = profiles.ownerOf(profileId).orElse(null);
            if (owner != null) {
                owners.put(profileId, owner);
            }
        }
        if (!caller.equals(owner)) {
            throw new ForbiddenException(DENIED);
        }
        RequestContext.bindProfile(profileId);
    }

    void forget(UUID profileId) {
        owners.invalidate(profileId);
    }

    static UUID callerId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
            return user.id();
        }
        throw new AuthenticationCredentialsNotFoundException("no signed-in user");
    }
}
