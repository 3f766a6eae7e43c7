package io.marquee.viewing.internal;

import io.marquee.platform.ThrottledLog;
import io.marquee.platform.tx.AfterCommit;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The sync events of a profile (SPEC §5): appended, once the write has committed, to the profile's capped Redis Stream
 * (so any instance can replay from {@code Last-Event-ID}) and announced on one pub/sub channel that every instance
 * listens to. Redis trouble never fails the write: the event is lost and a warning logged (once a minute).
 */
@Component
class SyncEvents {

    /** What a stream carries: {@code {id, type, content_id, position_seconds, completed, updated_at}}. */
    record SyncEvent(
            String id, String type, UUID contentId, Integer positionSeconds, Boolean completed, Instant updatedAt) {}

    private static final Logger log = LoggerFactory.getLogger(SyncEvents.class);

    private final StringRedisTemplate redis;
    private final SyncSettings settings;
    private final ThrottledLog failures = new ThrottledLog(log, Duration.ofMinutes(1));

    SyncEvents(StringRedisTemplate redis, SyncSettings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    String channel() {
        return settings.keyPrefix() + "events";
    }

    private String streamKey(UUID profileId) {
        return settings.keyPrefix() + "stream:" + profileId;
    }

    /** Publishes when the current transaction commits (at once without one). */
    void publishAfterCommit(
            UUID profileId, String type, UUID contentId, Integer position, Boolean completed, Instant updatedAt) {
        AfterCommit.run(() -> publish(profileId, type, contentId, position, completed, updatedAt));
    }

    /**
     * Appends to the profile's stream, trims and re-expires it, and announces the event, in one round trip. The
     * announcement is {@code profileId, id, type, content_id, position_seconds, completed, updated_at}, one per line.
     */
    private static final RedisScript<String> APPEND = new DefaultRedisScript<>("""
            local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'type', ARGV[3], 'content_id', ARGV[4],
                'position_seconds', ARGV[5], 'completed', ARGV[6], 'updated_at', ARGV[7])
            redis.call('EXPIRE', KEYS[1], ARGV[2])
            redis.call('PUBLISH', KEYS[2], table.concat({ARGV[8], id, ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]}, '\\n'))
            return id
            """, String.class);

    private void publish(
            UUID profileId, String type, UUID contentId, Integer position, Boolean completed, Instant updatedAt) {
        try {
            redis.execute(
                    APPEND,
                    List.of(streamKey(profileId), channel()),
                    String.valueOf(settings.streamLength()),
                    String.valueOf(settings.streamTtl().toSeconds()),
                    type,
                    contentId.toString(),
                    position == null ? "" : position.toString(),
                    completed == null ? "" : completed.toString(),
                    updatedAt.toString(),
                    profileId.toString());
        } catch (RuntimeException e) {
            failures.warn("A viewing sync event could not be published to Redis: {}", e.toString());
        }
    }

    /** The profile and the event of an announcement on the channel. */
    record Announced(UUID profileId, SyncEvent event) {}

    static Announced parse(String announcement) {
        String[] lines = announcement.split("\n", -1);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", lines[2]);
        fields.put("content_id", lines[3]);
        fields.put("position_seconds", lines[4]);
        fields.put("completed", lines[5]);
        fields.put("updated_at", lines[6]);
        return new Announced(UUID.fromString(lines[0]), event(lines[1], fields));
    }

    /** The profile's events after {@code lastEventId}, oldest first (none if it is unknown or Redis fails). */
    List<SyncEvent> after(UUID profileId, String lastEventId) {
        try {
            RecordId last = RecordId.of(lastEventId);
            List<MapRecord<String, Object, Object>> records = redis.opsForStream()
                    .range(
                            streamKey(profileId),
                            Range.rightUnbounded(Range.Bound.inclusive(last.getValue())),
                            Limit.unlimited());
            if (records == null) {
                return List.of();
            }
            return records.stream()
                    .filter(r -> !r.getId().equals(last))
                    .map(r -> {
                        Map<String, String> fields = new LinkedHashMap<>();
                        r.getValue().forEach((k, v) -> fields.put(k.toString(), v.toString()));
                        return event(r.getId().getValue(), fields);
                    })
                    .toList();
        } catch (IllegalArgumentException e) {
            return List.of(); // not a stream id
        } catch (RuntimeException e) {
            failures.warn("Viewing sync events could not be read from Redis: {}", e.toString());
            return List.of();
        }
    }

    private static SyncEvent event(String id, Map<String, String> fields) {
        String position = fields.get("position_seconds");
        String completed = fields.get("completed");
        return new SyncEvent(
                id,
                fields.get("type"),
                UUID.fromString(fields.get("content_id")),
                position == null || position.isEmpty() ? null : Integer.valueOf(position),
                completed == null || completed.isEmpty() ? null : Boolean.valueOf(completed),
                Instant.parse(fields.get("updated_at")));
    }
}
