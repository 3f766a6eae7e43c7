package io.marquee.entitlement;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Streams being watched, counted against the account's stream limit while alive: a session is alive until it is
 * ended or has had no heartbeat for {@code marquee.entitlement.session-liveness} (2 minutes).
 */
public interface PlaybackSessions {

    /** A live session as its owner sees it; {@code expiresAt} is when it stops counting without a heartbeat. */
    record Session(
            UUID sessionId,
            UUID profileId,
            ContentKind contentType,
            UUID contentId,
            Instant startedAt,
            Instant lastHeartbeatAt,
            Instant expiresAt) {}

    /** The outcome of asking to play. */
    sealed interface Start permits Started, NotEntitled, StreamLimitReached {}

    record Started(Session session, String manifestUrl) implements Start {}

    record NotEntitled(List<AccessOption> accessOptions) implements Start {}

    record StreamLimitReached(int streamLimit, List<Session> activeSessions) implements Start {}

    /** Checks the entitlement and the stream limit, and opens a session if both allow it. */
    Start start(UUID userId, UUID profileId, PlayableContent content);

    /** Keeps the caller's live session alive; empty when it does not exist, is not theirs or is no longer alive. */
    Optional<Session> heartbeat(UUID userId, UUID sessionId);

    /** Ends the caller's session; false when there was no such live session. */
    boolean end(UUID userId, UUID sessionId);

    List<Session> live(UUID userId);
}
