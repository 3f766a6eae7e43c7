package io.marquee.viewing;

import java.util.UUID;

/**
 * A bookmark of the profile was written or deleted: a heartbeat, a dismissal or restore, a history deletion. Published
 * for every change, heartbeats included, inside the writing transaction and never persisted: listen with a plain
 * {@code @EventListener} and defer side effects to the commit (e.g. with {@code CacheEviction}). Ratings and the
 * watchlist announce themselves with {@link TitleRated} and {@link WatchlistChanged}.
 */
public record BookmarkChanged(UUID profileId) {}
