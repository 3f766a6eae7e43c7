package io.marquee.entitlement.internal;

import io.marquee.entitlement.AccessOption;
import io.marquee.entitlement.ContentKind;
import io.marquee.entitlement.Entitlements;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class EntitlementService implements Entitlements {

    private final Grants grants;
    private final JdbcClient jdbc;
    private final Clock clock;

    EntitlementService(Grants grants, JdbcClient jdbc, Clock clock) {
        this.grants = grants;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Set<UUID> playableTitles(UUID userId, Collection<UUID> titleIds) {
        if (titleIds.isEmpty()) {
            return Set.of();
        }
        Instant now = clock.instant();
        Grants.AccountGrants account = grants.of(userId);
        Set<UUID> playable = new HashSet<>(inPackages("vod_title", titleIds, account.packageIds(now)));
        account.titleIds(now).stream().filter(titleIds::contains).forEach(playable::add);
        return playable;
    }

    @Override
    public Set<UUID> playableChannels(UUID userId, Collection<UUID> channelIds) {
        if (channelIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(inPackages("channel", channelIds, grants.of(userId).packageIds(clock.instant())));
    }

    @Override
    public List<AccessOption> accessOptions(ContentKind kind, UUID grantId) {
        return jdbc.sql("""
                        SELECT p.id AS package_id, p.name, p.tier, p.price_cents, p.currency, p.max_streams
                        FROM package_contents c
                        JOIN content_packages p ON p.id = c.package_id
                        WHERE c.content_type = :type AND c.content_id = :id
                        ORDER BY p.price_cents, p.name
                        """)
                .param("type", contentType(kind))
                .param("id", grantId)
                .query(AccessOption.class)
                .list();
    }

    @Override
    public int streamLimit(UUID userId) {
        return grants.of(userId).streamLimit(clock.instant());
    }

    boolean mayPlay(UUID userId, ContentKind kind, UUID grantId) {
        return kind == ContentKind.CHANNEL
                ? playableChannels(userId, List.of(grantId)).contains(grantId)
                : playableTitles(userId, List.of(grantId)).contains(grantId);
    }

    private List<UUID> inPackages(String contentType, Collection<UUID> ids, List<UUID> packageIds) {
        if (packageIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT DISTINCT content_id FROM package_contents
                        WHERE content_type = :type AND content_id = ANY(:ids) AND package_id = ANY(:packages)
                        """)
                .param("type", contentType)
                .param("ids", ids.toArray(UUID[]::new))
                .param("packages", packageIds.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
    }

    static String contentType(ContentKind kind) {
        return kind == ContentKind.CHANNEL ? "channel" : "vod_title";
    }
}
