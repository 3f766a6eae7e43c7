package io.marquee.entitlement.internal;

import io.marquee.platform.cache.CacheEviction;
import io.marquee.platform.sql.SqlTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An account's grants, cached in Redis per user ({@code marquee.cache.ttl.entitlement-grants}) because every catalog
 * and guide list asks for them; every change of an account's grants evicts its entry, for all instances, when the
 * change commits.
 */
@Repository
class Grants {

    static final String CACHE = "entitlement-grants";

    /** A grant as cached; {@code expiresAt} is re-checked on every use, so a cached grant never outlives itself. */
    record Grant(UUID packageId, UUID titleId, int maxStreams, Instant expiresAt) {

        boolean activeAt(Instant now) {
            return expiresAt == null || expiresAt.isAfter(now);
        }
    }

    record AccountGrants(List<Grant> grants) {

        List<UUID> packageIds(Instant now) {
            return grants.stream()
                    .filter(g -> g.packageId() != null && g.activeAt(now))
                    .map(Grant::packageId)
                    .toList();
        }

        List<UUID> titleIds(Instant now) {
            return grants.stream()
                    .filter(g -> g.titleId() != null && g.activeAt(now))
                    .map(Grant::titleId)
                    .toList();
        }

        int streamLimit(Instant now) {
            return grants.stream()
                    .filter(g -> g.packageId() != null && g.activeAt(now))
                    .mapToInt(Grant::maxStreams)
                    .max()
                    .orElse(1);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CacheEviction eviction;

    Grants(JdbcClient jdbc, Clock clock, CacheEviction eviction) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.eviction = eviction;
    }

    @Cacheable(cacheNames = CACHE, key = "#userId")
    public AccountGrants of(UUID userId) {
        return new AccountGrants(jdbc.sql("""
                        SELECT e.package_id, e.title_id, coalesce(p.max_streams, 1) AS max_streams, e.expires_at
                        FROM user_entitlements e
                        LEFT JOIN content_packages p ON p.id = e.package_id
                        WHERE e.user_id = :user AND (e.expires_at IS NULL OR e.expires_at > :now)
                        """)
                .param("user", userId)
                .param("now", SqlTime.utc(clock.instant()))
                .query(Grant.class)
                .list());
    }

    /** Evicts the account's cached grants once the current transaction has committed. */
    void forget(UUID userId) {
        eviction.evict(CACHE, userId);
    }

    /** After a change that may touch many accounts (a package changed or deleted). */
    void forgetAll() {
        eviction.clear(CACHE);
    }
}
