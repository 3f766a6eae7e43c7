package io.marquee.viewing.internal;

import io.marquee.platform.ThrottledLog;
import io.marquee.platform.tx.AfterCommit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    /** An event for one profile's devices. */
    record Outgoing(
            UUID profileId, String type, UUID contentId, Integer position, Boolean completed, Instant updatedAt) {}

    /** Events per script call: a long script would hold up every other client of Redis. */
    private static final int CHUNK = 100;

    /** Publishes when the current transaction commits (at once without one). */
    void publishAfterCommit(List<Outgoing> events) {
        if (!events.isEmpty()) {
            AfterCommit.run(() -> publish(events));
        }
    }

    /**
     * Appends each event to its profile's stream, trims and re-expires the stream, and announces the events in one
     * message, up to {@link #CHUNK} events in one round trip. KEYS: the channel, then one stream per event; ARGV: stream
     * length and TTL, then per event {@code profileId, type, content_id, position_seconds, completed, updated_at}. The
     * message holds seven lines per event: {@code profileId, id, type, content_id, position_seconds, completed,
     * updated_at} (see {@link #parse}).
     */
    private static final RedisScript<Long> APPEND = new DefaultRedisScript<>("""
            local announced = {}
            for i = 2, #KEYS do
                local a = 3 + (i - 2) * 6
                local id = redis.call('XADD', KEYS[i], 'MAXLEN', '~', ARGV[1], '*', 'type', ARGV[a + 1],
                    'content_id', ARGV[a + 2], 'position_seconds', ARGV[a + 3], 'completed', ARGV[a + 4],
                    'updated_at', ARGV[a + 5])
                redis.call('EXPIRE', KEYS[i], ARGV[2])
                table.insert(announced, table.concat({ARGV[a], id, ARGV[a + 1], ARGV[a + 2], ARGV[a + 3], ARGV[a + 4],
                    ARGV[a + 5]}, '\\n'))
            end
            redis.call('PUBLISH', KEYS[1], table.concat(announced, '\\n'))
            return #announced
            """, Long.class);

    private void publish(List<Outgoing> events) {
        for (int from = 0; from < events.size(); from += CHUNK) {
            List<Outgoing> chunk = events.subList(from, Math.min(events.size(), from + CHUNK));
            List<String> keys = new ArrayList<>(chunk.size() + 1);
            List<String> args = new ArrayList<>(chunk.size() * 6 + 2);
            keys.add(channel());
            args.add(String.valueOf(settings.streamLength()));
            args.add(String.valueOf(settings.streamTtl().toSeconds()));
            for (Outgoing event : chunk) {
                keys.add(streamKey(event.profileId()));
                args.add(event.profileId().toString());
                args.add(event.type());
                args.add(event.contentId().toString());
                args.add(event.position() == null ? "" : event.position().toString());
                args.add(event.completed() == null ? "" : event.completed().toString());
                args.add(event.updatedAt().toString());
            }
            try {
                redis.execute(APPEND, keys, args.toArray());
            } catch (RuntimeException e) {
                failures.warn("Viewing sync events could not be published to Redis: {}", e.toString());
            }
        }
    }

    /** The profile and the event of an announcement on the channel. */
    record Announced(UUID profileId, SyncEvent event) {}

    /** The events of one message on the channel, in the order they were appended. */
    static List<Announced> parse(String message) {
        String[] lines = message.split("\n", -1);
        List<Announced> announced = new ArrayList<>(lines.length / 7);
        for (int i = 0; i + 7 <= lines.length; i += 7) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("type", lines[i + 2]);
            fields.put("content_id", lines[i + 3]);
            fields.put("position_seconds", lines[i + 4]);
            fields.put("completed", lines[i + 5]);
            fields.put("updated_at", lines[i + 6]);
            announced.add(new Announced(UUID.fromString(lines[i]), event(lines[i + 1], fields)));
        }
        return announced;
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
