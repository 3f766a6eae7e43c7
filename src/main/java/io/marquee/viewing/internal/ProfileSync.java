package io.marquee.viewing.internal;

import io.marquee.platform.ThrottledLog;
import io.marquee.platform.tx.AfterCommit;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cross-device sync of a profile's viewing (SPEC §5). A change is appended to the profile's capped Redis Stream (so
 * any instance can replay from {@code Last-Event-ID}) and announced on one pub/sub channel; every instance pushes it
 * to the open SSE streams of that profile it holds. Open streams are counted per account in a Redis sorted set
 * whose scores the keep-alive refreshes, so the cap holds across instances and a crashed instance's streams age
 * out. No database connection is involved.
 */
@Component
class ProfileSync implements MessageListener {

    /** What travels on the pub/sub channel: an event for a profile's streams, or a sign-out for a user's. */
    record Envelope(UUID profileId, UUID signedOutUserId, SyncEvent event) {}

    private record OpenStream(UUID id, UUID userId, UUID profileId, SseEmitter emitter, String[] lastSent) {}

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final SyncSettings settings;
    private final Clock clock;
    private final ThrottledLog warnings;
    private final Map<UUID, OpenStream> streams = new ConcurrentHashMap<>();

    ProfileSync(StringRedisTemplate redis, JsonMapper json, SyncSettings settings, Clock clock, MeterRegistry meters) {
        this.redis = redis;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
        this.warnings = new ThrottledLog(LoggerFactory.getLogger(ProfileSync.class), Duration.ofMinutes(1));
        Gauge.builder("marquee.viewing.event_streams.open", streams, Map::size)
                .description("Open viewing event streams on this instance")
                .register(meters);
    }

    String channel() {
        return settings.keyPrefix() + "events";
    }

    /** Sends the event to every open stream of the profile once the current transaction commits. */
    void publish(UUID profileId, SyncEvent event) {
        AfterCommit.run(() -> {
            try {
                String key = settings.keyPrefix() + "profile:" + profileId;
                RecordId id = redis.opsForStream()
                        .add(StreamRecords.string(Map.of("event", json.writeValueAsString(event)))
                                .withStreamKey(key));
                redis.opsForStream().trim(key, settings.streamLength(), true);
                redis.expire(key, settings.streamRetention());
                announce(new Envelope(profileId, null, event.withId(id.getValue())));
            } catch (RuntimeException e) {
                warnings.warn("Viewing event not synced (Redis failed): {}", e.getMessage());
            }
        });
    }

    /** Closes every open stream of the user, on every instance. */
    void signOut(UUID userId) {
        try {
            announce(new Envelope(null, userId, null));
        } catch (RuntimeException e) {
            warnings.warn("Sign-out not broadcast to event streams (Redis failed): {}", e.getMessage());
            closeStreamsOf(userId);
        }
    }

    /**
     * Opens a stream: replays what the profile missed after {@code lastEventId}, then follows live events. Empty when
     * the account already has its maximum of open streams.
     */
    Optional<SseEmitter> open(UUID userId, UUID profileId, String lastEventId) {
        UUID streamId = UUID.randomUUID();
        String counted = settings.keyPrefix() + "streams:" + userId;
        long now = clock.millis();
        redis.opsForZSet()
                .removeRangeByScore(counted, 0, now - 4 * settings.keepAlive().toMillis());
        redis.opsForZSet().add(counted, streamId.toString(), now);
        redis.expire(counted, settings.keepAlive().multipliedBy(8));
        Long open = redis.opsForZSet().zCard(counted);
        if (open != null && open > settings.maxStreamsPerUser()) {
            redis.opsForZSet().remove(counted, streamId.toString());
            return Optional.empty();
        }
        SseEmitter emitter = new SseEmitter(settings.streamTimeout().toMillis());
        OpenStream stream = new OpenStream(streamId, userId, profileId, emitter, new String[] {lastEventId});
        Runnable forget = () -> {
            streams.remove(streamId);
            try {
                redis.opsForZSet().remove(counted, streamId.toString());
            } catch (RuntimeException e) {
                // the entry ages out with the keep-alive window
            }
        };
        emitter.onCompletion(forget);
        emitter.onTimeout(forget);
        emitter.onError(error -> forget.run());
        streams.put(streamId, stream);
        try { // opens the response at once (headers go out with the first bytes) and sets the client's retry delay
            emitter.send(SseEmitter.event().comment("connected").reconnectTime(3000));
        } catch (IOException e) {
            emitter.completeWithError(e);
        }
        if (lastEventId != null) {
            replay(stream);
        }
        return Optional.of(emitter);
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        Envelope envelope = json.readValue(message.getBody(), Envelope.class);
        if (envelope.signedOutUserId() != null) {
            closeStreamsOf(envelope.signedOutUserId());
            return;
        }
        streams.values().stream()
                .filter(s -> s.profileId().equals(envelope.profileId()))
                .forEach(s -> send(s, envelope.event()));
    }

    /** Keeps idle streams (and the proxies in front of them) open, and this instance's streams counted. */
    @Scheduled(fixedDelayString = "${marquee.viewing.sync.keep-alive:15s}")
    void keepAlive() {
        long now = clock.millis();
        for (OpenStream stream : List.copyOf(streams.values())) {
            try {
                stream.emitter().send(SseEmitter.event().comment("keep-alive"));
                redis.opsForZSet()
                        .add(
                                settings.keyPrefix() + "streams:" + stream.userId(),
                                stream.id().toString(),
                                now);
            } catch (IOException | RuntimeException e) {
                stream.emitter().completeWithError(e);
            }
        }
    }

    int openStreams() {
        return streams.size();
    }

    private void replay(OpenStream stream) {
        String key = settings.keyPrefix() + "profile:" + stream.profileId();
        List<MapRecord<String, Object, Object>> missed =
                redis.opsForStream().range(key, Range.rightUnbounded(Range.Bound.exclusive(stream.lastSent()[0])));
        if (missed != null) {
            for (MapRecord<String, Object, Object> record : missed) {
                SyncEvent event = json.readValue((String) record.getValue().get("event"), SyncEvent.class);
                send(stream, event.withId(record.getId().getValue()));
            }
        }
    }

    /** Sends each event once per stream, in stream order, whether it arrives by replay or live. */
    private void send(OpenStream stream, SyncEvent event) {
        synchronized (stream) {
            String last = stream.lastSent()[0];
            if (last != null && compare(event.id(), last) <= 0) {
                return;
            }
            try {
                stream.emitter().send(SseEmitter.event().id(event.id()).data(event));
                stream.lastSent()[0] = event.id();
            } catch (IOException | RuntimeException e) {
                stream.emitter().completeWithError(e);
            }
        }
    }

    private void closeStreamsOf(UUID userId) {
        Set.copyOf(streams.values()).stream()
                .filter(s -> s.userId().equals(userId))
                .forEach(s -> s.emitter().complete());
    }

    private void announce(Envelope envelope) {
        redis.convertAndSend(channel(), json.writeValueAsString(envelope));
    }

    /** Redis stream ids are {@code <millis>-<sequence>}. */
    static int compare(String a, String b) {
        String[] x = a.split("-", 2);
        String[] y = b.split("-", 2);
        int byTime = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
        return byTime != 0 ? byTime : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
    }
}
