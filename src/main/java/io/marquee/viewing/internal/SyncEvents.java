package io.marquee.viewing.internal;

import io.marquee.platform.ThrottledLog;
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
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

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
    private final JsonMapper json;
    private final ThrottledLog failures = new ThrottledLog(log, Duration.ofMinutes(1));

    SyncEvents(StringRedisTemplate redis, SyncSettings settings, JsonMapper json) {
        this.redis = redis;
        this.settings = settings;
        this.json = json;
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
        Runnable publish = () -> publish(profileId, type, contentId, position, completed, updatedAt);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish.run();
                }
            });
        } else {
            publish.run();
        }
    }

    private void publish(
            UUID profileId, String type, UUID contentId, Integer position, Boolean completed, Instant updatedAt) {
        try {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("type", type);
            fields.put("content_id", contentId.toString());
            fields.put("position_seconds", position == null ? "" : position.toString());
            fields.put("completed", completed == null ? "" : completed.toString());
            fields.put("updated_at", updatedAt.toString());
            String key = streamKey(profileId);
            RecordId id = redis.opsForStream()
                    .add(
                            StreamRecords.newRecord().in(key).ofMap(fields),
                            XAddOptions.maxlen(settings.streamLength()).approximateTrimming(true));
            redis.expire(key, settings.streamTtl());
            SyncEvent event = event(id.getValue(), fields);
            redis.convertAndSend(channel(), profileId + "\n" + json.writeValueAsString(event));
        } catch (RuntimeException e) {
            failures.warn("A viewing sync event could not be published to Redis: {}", e.toString());
        }
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
