package io.marquee.catalog;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Which titles have a semantic-search embedding, for the admin's {@code has_embedding} (PoC §2.7): the discovery
 * module implements it, so the catalog shows the flag without depending on discovery. Without an implementation
 * every title reports {@code false}.
 */
@FunctionalInterface
public interface EmbeddedTitles {

    /** Those of {@code titleIds} that have an embedding; one query. */
    Set<UUID> among(Collection<UUID> titleIds);
}
