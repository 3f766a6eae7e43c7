package io.marquee.entitlement;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What an account may play (plan 3.5). Callers pass title ids (series ids for episodes) or channel ids; every method
 * answers a whole list with one query, and the account's grants are cached briefly and evicted when they change.
 */
public interface Entitlements {

    /** Of {@code titleIds}, those the user may play now: in one of their active packages, or granted singly. */
    Set<UUID> playableTitles(UUID userId, Collection<UUID> titleIds);

    /** Of {@code channelIds}, those in one of the user's active packages. */
    Set<UUID> playableChannels(UUID userId, Collection<UUID> channelIds);

    /** Packages that contain the title (or series) or channel, cheapest first. */
    List<AccessOption> accessOptions(ContentKind kind, UUID grantId);

    /** Concurrent streams the account may run: the highest {@code max_streams} of its active packages, else 1. */
    int streamLimit(UUID userId);
}
