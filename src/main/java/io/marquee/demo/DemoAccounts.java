package io.marquee.demo;

import io.marquee.identity.AccountProvisioning;
import io.marquee.identity.AgeRating;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The three packages and the five demo accounts of PoC §4.3, each subscribed to the package of its tier. Packages
 * hold the oldest 60 % / 85 % / all demo titles and channels 1–15 / all / all, as in the PoC.
 */
@Component
class DemoAccounts {

    record DemoPackage(
            String name,
            String tier,
            int maxStreams,
            int priceCents,
            double titleShare,
            int channels,
            String description) {}

    record DemoProfile(String name, AgeRating rating, boolean kids, String avatarSeed) {}

    record DemoUser(String email, String tier, boolean admin, List<DemoProfile> profiles) {}

    static final List<DemoPackage> PACKAGES = List.of(
            new DemoPackage(
                    "Basic",
                    "basic",
                    1,
                    799,
                    0.60,
                    15,
                    "The essentials: a rotating library of films and series plus the first fifteen live channels,"
                            + " on one screen at a time."),
            new DemoPackage(
                    "Standard",
                    "standard",
                    2,
                    1299,
                    0.85,
                    25,
                    "Most of the library and every live channel, on two screens at once."),
            new DemoPackage(
                    "Premium",
                    "premium",
                    4,
                    1899,
                    1.0,
                    25,
                    "Everything we stream, the newest releases first, on up to four screens at once."));

    static final List<DemoUser> USERS = List.of(
            new DemoUser(
                    "admin@ott.test",
                    "premium",
                    true,
                    List.of(
                            new DemoProfile("Admin", AgeRating.TV_MA, false, "admin"),
                            new DemoProfile("Kids", AgeRating.TV_Y, true, "admin-kids"))),
            new DemoUser(
                    "basic@ott.test",
                    "basic",
                    false,
                    List.of(new DemoProfile("Basic User", AgeRating.TV_MA, false, "basic"))),
            new DemoUser(
                    "standard@ott.test",
                    "standard",
                    false,
                    List.of(
                            new DemoProfile("Standard User", AgeRating.TV_MA, false, "standard"),
                            new DemoProfile("Family", AgeRating.TV_PG, false, "family"))),
            new DemoUser(
                    "premium@ott.test",
                    "premium",
                    false,
                    List.of(
                            new DemoProfile("Premium User", AgeRating.TV_MA, false, "premium"),
                            new DemoProfile("Partner", AgeRating.TV_MA, false, "partner"),
                            new DemoProfile("Kids", AgeRating.TV_Y, true, "premium-kids"))),
            new DemoUser(
                    "demo@ott.test",
                    "premium",
                    false,
                    List.of(new DemoProfile("Demo User", AgeRating.TV_MA, false, "demo"))));

    private final JdbcClient jdbc;
    private final AccountProvisioning provisioning;
    private final DemoSettings settings;

    DemoAccounts(JdbcClient jdbc, AccountProvisioning provisioning, DemoSettings settings) {
        this.jdbc = jdbc;
        this.provisioning = provisioning;
        this.settings = settings;
    }

    /** {@code titleIds} oldest first, {@code channelIds} by number: the packages take leading slices of them. */
    @Transactional
    void load(List<UUID> titleIds, List<UUID> channelIds) {
        for (DemoPackage demo : PACKAGES) {
            UUID packageId = jdbc.sql("""
                            INSERT INTO content_packages (name, description, tier, max_streams, price_cents, currency)
                            VALUES (:name, :description, :tier, :streams, :price, 'USD')
                            ON CONFLICT (name) DO UPDATE SET description = excluded.description,
                                tier = excluded.tier, max_streams = excluded.max_streams,
                                price_cents = excluded.price_cents
                            RETURNING id
                            """)
                    .param("name", demo.name())
                    .param("description", demo.description())
                    .param("tier", demo.tier())
                    .param("streams", demo.maxStreams())
                    .param("price", demo.priceCents())
                    .query(UUID.class)
                    .single();
            fillPackage(packageId, demo, titleIds, channelIds);
        }
        for (DemoUser user : USERS) {
            UUID userId = provisioning.ensureAccount(
                    user.email(),
                    user.admin() ? settings.adminPassword() : settings.viewerPassword(),
                    user.tier(),
                    user.admin());
            for (DemoProfile profile : user.profiles()) {
                provisioning.ensureProfile(
                        userId,
                        profile.name(),
                        profile.rating(),
                        profile.kids(),
                        "https://api.dicebear.com/7.x/avataaars/svg?seed=" + profile.avatarSeed());
            }
            jdbc.sql("""
                            INSERT INTO user_entitlements (user_id, package_id, source_type)
                            SELECT :user, p.id, 'subscription' FROM content_packages p
                            WHERE p.tier = :tier AND p.name IN ('Basic', 'Standard', 'Premium')
                              AND NOT EXISTS (SELECT 1 FROM user_entitlements e
                                              WHERE e.user_id = :user AND e.package_id = p.id)
                            """).param("user", userId).param("tier", user.tier()).update();
        }
    }

    private void fillPackage(UUID packageId, DemoPackage demo, List<UUID> titleIds, List<UUID> channelIds) {
        List<UUID> titles = titleIds.subList(0, (int) Math.floor(titleIds.size() * demo.titleShare()));
        add(packageId, "vod_title", titles);
        add(packageId, "channel", channelIds.subList(0, Math.min(demo.channels(), channelIds.size())));
    }

    private void add(UUID packageId, String contentType, List<UUID> ids) {
        jdbc.sql("""
                        INSERT INTO package_contents (package_id, content_type, content_id)
                        SELECT :package, :type, unnest(:ids)
                        ON CONFLICT DO NOTHING
                        """)
                .param("package", packageId)
                .param("type", contentType)
                .param("ids", ids.toArray(UUID[]::new))
                .update();
    }
}
