package io.marquee.viewing.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * What an open event stream of a profile receives (SPEC §5); {@code id} is the Redis stream id, also sent as the SSE
 * event id so a reconnecting client resumes with {@code Last-Event-ID}.
 *
 * @param type {@code progress}, {@code completed}, {@code dismissed}, {@code restored}, {@code deleted} or
 *     {@code new_episode}
 */
record SyncEvent(
        String id, String type, UUID contentId, Integer positionSeconds, Boolean completed, Instant updatedAt) {

    SyncEvent withId(String streamId) {
        return new SyncEvent(streamId, type, contentId, positionSeconds, completed, updatedAt);
    }
}
