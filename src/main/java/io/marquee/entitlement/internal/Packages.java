package io.marquee.entitlement.internal;

import io.marquee.platform.errors.ConflictException;
import io.marquee.platform.errors.InvalidInputException;
import io.marquee.platform.errors.NotFoundException;
import io.marquee.platform.sql.SqlTime;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What admins do to packages, their contents and accounts' grants; every grant change evicts the cached grants. */
@Service
class Packages {

    record PackageFields(
            String name, String description, String tier, Integer maxStreams, Integer priceCents, String currency) {}

    record PackageView(
            UUID id,
            String name,
            String description,
            String tier,
            int maxStreams,
            int priceCents,
            String currency,
            long titleCount,
            long channelCount) {}

    record ContentItem(String contentType, UUID contentId) {}

    record GrantView(
            UUID id,
            UUID packageId,
            String packageName,
            UUID titleId,
            String sourceType,
            Instant grantedAt,
            Instant expiresAt) {}

    private static final String PACKAGE_VIEW = """
            SELECT p.id, p.name, p.description, p.tier, p.max_streams, p.price_cents, p.currency,
                   count(*) FILTER (WHERE c.content_type = 'vod_title') AS title_count,
                   count(*) FILTER (WHERE c.content_type = 'channel') AS channel_count
            FROM content_packages p
            LEFT JOIN package_contents c ON c.package_id = p.id
            """;

    private final JdbcClient jdbc;
    private final Grants grants;

    Packages(JdbcClient jdbc, Grants grants) {
        this.jdbc = jdbc;
        this.grants = grants;
    }

    List<PackageView> list() {
        return jdbc.sql(PACKAGE_VIEW + " GROUP BY p.id ORDER BY p.price_cents, p.name")
                .query(PackageView.class)
                .list();
    }

    PackageView get(UUID id) {
        return jdbc.sql(PACKAGE_VIEW + " WHERE p.id = :id GROUP BY p.id")
                .param("id", id)
                .query(PackageView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("Package not found"));
    }

    @Transactional
    PackageView create(PackageFields fields) {
        try {
            UUID id = jdbc.sql("""
                            INSERT INTO content_packages (name, description, tier, max_streams, price_cents, currency)
                            VALUES (:name, :description, :tier, :maxStreams, :price, coalesce(:currency, 'USD'))
                            RETURNING id
                            """)
                    .param("name", fields.name().strip())
                    .param("description", fields.description())
                    .param("tier", fields.tier())
                    .param("maxStreams", fields.maxStreams())
                    .param("price", fields.priceCents())
                    .param("currency", fields.currency())
                    .query(UUID.class)
                    .single();
            return get(id);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A package with this name exists");
        }
    }

    @Transactional
    PackageView update(UUID id, PackageFields fields) {
        try {
            int changed = jdbc.sql("""
                            UPDATE content_packages SET
                                name = coalesce(:name, name), description = coalesce(:description, description),
                                tier = coalesce(:tier, tier), max_streams = coalesce(:maxStreams, max_streams),
                                price_cents = coalesce(:price, price_cents), currency = coalesce(:currency, currency)
                            WHERE id = :id
                            """)
                    .param("id", id)
                    .param("name", fields.name() == null ? null : fields.name().strip())
                    .param("description", fields.description())
                    .param("tier", fields.tier())
                    .param("maxStreams", fields.maxStreams())
                    .param("price", fields.priceCents())
                    .param("currency", fields.currency())
                    .update();
            if (changed == 0) {
                throw new NotFoundException("Package not found");
            }
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A package with this name exists");
        }
        grants.forgetAll(); // max_streams is part of every cached grant of this package
        return get(id);
    }

    @Transactional
    void delete(UUID id) {
        if (jdbc.sql("DELETE FROM content_packages WHERE id = :id")
                        .param("id", id)
                        .update()
                == 0) {
            throw new NotFoundException("Package not found");
        }
        grants.forgetAll();
    }

    List<ContentItem> contents(UUID packageId) {
        get(packageId);
        return jdbc.sql("""
                        SELECT content_type, content_id FROM package_contents
                        WHERE package_id = :id ORDER BY content_type, content_id
                        """).param("id", packageId).query(ContentItem.class).list();
    }

    /** Idempotent: items already in the package stay as they are. */
    @Transactional
    void addContents(UUID packageId, String contentType, List<UUID> contentIds) {
        get(packageId);
        jdbc.sql("""
                        INSERT INTO package_contents (package_id, content_type, content_id)
                        SELECT :package, :type, unnest(:ids)
                        ON CONFLICT DO NOTHING
                        """)
                .param("package", packageId)
                .param("type", contentType)
                .param("ids", contentIds.toArray(UUID[]::new))
                .update();
    }

    @Transactional
    void removeContent(UUID packageId, String contentType, UUID contentId) {
        get(packageId);
        jdbc.sql("""
                        DELETE FROM package_contents
                        WHERE package_id = :package AND content_type = :type AND content_id = :id
                        """)
                .param("package", packageId)
                .param("type", contentType)
                .param("id", contentId)
                .update();
    }

    List<GrantView> grantsOf(UUID userId) {
        return jdbc.sql("""
                        SELECT e.id, e.package_id, p.name AS package_name, e.title_id, e.source_type, e.granted_at,
                               e.expires_at
                        FROM user_entitlements e
                        LEFT JOIN content_packages p ON p.id = e.package_id
                        WHERE e.user_id = :user
                        ORDER BY e.granted_at, e.id
                        """).param("user", userId).query(GrantView.class).list();
    }

    @Transactional
    GrantView grant(UUID userId, UUID packageId, UUID titleId, String sourceType, Instant expiresAt) {
        if ((packageId == null) == (titleId == null)) {
            throw new InvalidInputException("package_id", "give exactly one of package_id and title_id");
        }
        if (packageId != null) {
            get(packageId);
        }
        UUID id;
        try {
            id = jdbc.sql("""
                            INSERT INTO user_entitlements (user_id, package_id, title_id, source_type, expires_at)
                            VALUES (:user, :package, :title, coalesce(:source, 'admin'), :expires)
                            RETURNING id
                            """)
                    .param("user", userId)
                    .param("package", packageId)
                    .param("title", titleId)
                    .param("source", sourceType)
                    .param("expires", SqlTime.utc(expiresAt))
                    .query(UUID.class)
                    .single();
        } catch (DataIntegrityViolationException e) {
            throw new NotFoundException("User not found");
        }
        grants.forget(userId);
        return grantsOf(userId).stream()
                .filter(g -> g.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Transactional
    void revoke(UUID userId, UUID grantId) {
        if (jdbc.sql("DELETE FROM user_entitlements WHERE id = :id AND user_id = :user")
                        .param("id", grantId)
                        .param("user", userId)
                        .update()
                == 0) {
            throw new NotFoundException("Entitlement not found");
        }
        grants.forget(userId);
    }

    /**
     * Moves an account to the package of a subscription tier: its {@code subscription} grants are replaced by one
     * grant of the cheapest package of that tier (none when no package has it).
     */
    @Transactional
    void subscribe(UUID userId, String tier) {
        jdbc.sql("DELETE FROM user_entitlements WHERE user_id = :user AND source_type = 'subscription'")
                .param("user", userId)
                .update();
        jdbc.sql("""
                        INSERT INTO user_entitlements (user_id, package_id, source_type)
                        SELECT :user, id, 'subscription' FROM content_packages
                        WHERE tier = :tier ORDER BY price_cents, name LIMIT 1
                        """).param("user", userId).param("tier", tier).update();
        grants.forget(userId);
    }
}
