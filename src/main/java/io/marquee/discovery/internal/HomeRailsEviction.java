package io.marquee.discovery.internal;

import io.marquee.catalog.TitleChanged;
import io.marquee.catalog.TitleRemoved;
import io.marquee.platform.cache.CacheEviction;
import io.marquee.platform.events.SubscriptionTierChanged;
import io.marquee.viewing.BookmarksChanged;
import io.marquee.viewing.TitleRated;
import io.marquee.viewing.WatchlistChanged;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Forgets cached home rails that a write made stale, once it commits: a profile's own when its viewing changes (every
 * heartbeat included), an account's profiles when its tier changes (the entitled flags), everyone's when an admin edits
 * or removes a title (its card, or its age rating under the parental filter). Plain listeners, called inside the
 * writing transaction: no event publication is stored per heartbeat.
 */
@Component
class HomeRailsEviction {

    private final CacheEviction eviction;
    private final JdbcClient jdbc;

    HomeRailsEviction(CacheEviction eviction, JdbcClient jdbc) {
        this.eviction = eviction;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(BookmarksChanged event) {
        eviction.evictAll(HomeRails.CACHE, event.profileIds());
    }

    @EventListener
    void on(WatchlistChanged event) {
        forget(event.profileId());
    }

    @EventListener
    void on(TitleRated event) {
        forget(event.profileId());
    }

    @EventListener
    void on(SubscriptionTierChanged event) {
        eviction.evictAll(
                HomeRails.CACHE,
                jdbc.sql("SELECT id FROM profiles WHERE user_id = :user")
                        .param("user", event.userId())
                        .query(UUID.class)
                        .list());
    }

    @EventListener
    void on(TitleChanged event) {
        eviction.clear(HomeRails.CACHE);
    }

    @EventListener
    void on(TitleRemoved event) {
        eviction.clear(HomeRails.CACHE);
    }

    private void forget(UUID profileId) {
        eviction.evict(HomeRails.CACHE, profileId);
    }
}
