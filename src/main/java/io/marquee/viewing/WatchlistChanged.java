package io.marquee.viewing;

import java.util.UUID;

/** A title was added to ({@code added}) or removed from a profile's watchlist. Published in the write's transaction. */
public record WatchlistChanged(UUID profileId, UUID titleId, boolean added) {}
