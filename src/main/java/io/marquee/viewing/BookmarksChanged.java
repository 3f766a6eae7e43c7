package io.marquee.viewing;

import java.util.Set;
import java.util.UUID;

/**
 * Bookmarks of these profiles were written or deleted: heartbeats (one event per batch of heartbeats committed
 * together), a dismissal or restore, a history deletion. Published inside the writing transaction and never persisted:
 * listen with a plain {@code @EventListener} and defer side effects to the commit (e.g. with {@code CacheEviction}).
 * Ratings and the watchlist announce themselves with {@link TitleRated} and {@link WatchlistChanged}.
 */
public record BookmarksChanged(Set<UUID> profileIds) {

    public BookmarksChanged {
        profileIds = Set.copyOf(profileIds);
    }
}
