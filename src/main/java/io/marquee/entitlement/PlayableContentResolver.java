package io.marquee.entitlement;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Implemented by the modules that own playable content (the catalog for movies and episodes, the EPG for channels),
 * so that playback can resolve a request without the entitlement module depending on them.
 */
public interface PlayableContentResolver {

    /** The kinds this resolver answers for. */
    Set<ContentKind> kinds();

    /** Empty when no such content exists (or it is not of that kind). */
    Optional<PlayableContent> resolve(ContentKind kind, UUID contentId);
}
