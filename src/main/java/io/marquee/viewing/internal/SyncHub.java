package io.marquee.viewing.internal;

import io.marquee.identity.UserDeactivated;
import io.marquee.identity.UserSignedOut;
import io.marquee.identity.UserSignedOutEverywhere;
import io.marquee.platform.ThrottledLog;
import io.marquee.platform.errors.ApiException;
import io.marquee.viewing.internal.SyncEvents.SyncEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open event streams of this instance. Events reach every instance over one Redis pub/sub channel and are written
 * to the local streams of their profile; a stream holds no database connection while it waits. Open streams are
 * counted per account in Redis (a sorted set of stream ids, each kept alive by the keep-alive), so the cap holds across
 * instances.
 */
@Component
class SyncHub implements MessageListener, SmartLifecycle {

    /** 429: the account already has its maximum of open streams. */
    static final class TooManyStreamsException extends ApiException {
        TooManyStreamsException(int max) {
            super(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "too-many-streams",
                    "At most " + max + " open event streams per account");
        }
    }

    private record Connection(UUID id, UUID userId, UUID signInId, UUID profileId, SseEmitter emitter) {}

    private static final Logger log = LoggerFactory.getLogger(SyncHub.class);
    private static final String CLOSE = "close-user:";
    private static final String CLOSE_SIGN_IN = "close-sign-in:";

    private final Map<UUID, Connection> connections = new ConcurrentHashMap<>();
    /** The same connections by profile: every instance hears every profile's events and looks up only its own. */
    private final Map<UUID, Set<Connection>> byProfile = new ConcurrentHashMap<>();

    private final StringRedisTemplate redis;
    private final SyncEvents events;
    private final SyncSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private volatile boolean running;
    private final ThrottledLog failures = new ThrottledLog(log, Duration.ofMinutes(1));

    SyncHub(
            StringRedisTemplate redis,
            SyncEvents events,
            SyncSettings settings,
            JsonMapper json,
            Clock clock,
            MeterRegistry meters) {
        this.redis = redis;
        this.events = events;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        Gauge.builder("marquee.viewing.event_streams", this.connections, Map::size)
                .description("Open viewing event streams (SSE) on this instance")
                .register(meters);
    }

    /**
     * Opens a stream of the profile's events, first replaying those after {@code lastEventId}. Registered before the
     * replay, so an event published meanwhile may come twice (clients keep the last id), never not at all.
     */
    SseEmitter open(UUID userId, UUID signInId, UUID profileId, String lastEventId) {
        UUID id = UUID.randomUUID();
        reserve(userId, id);
        SseEmitter emitter = new SseEmitter(settings.streamTimeout().toMillis());
        Connection connection = new Connection(id, userId, signInId, profileId, emitter);
        Runnable release = () -> release(connection);
        emitter.onCompletion(release);
        emitter.onTimeout(release);
        emitter.onError(error -> release.run());
        connections.put(id, connection);
        byProfile.compute(profileId, (profile, open) -> {
            Set<Connection> streams = open != null ? open : ConcurrentHashMap.newKeySet();
            streams.add(connection);
            return streams;
        });
        send(connection, SseEmitter.event().comment("connected"));
        if (lastEventId != null && !lastEventId.isBlank()) {
            events.after(profileId, lastEventId.strip()).forEach(event -> send(connection, event));
        }
        return emitter;
    }

    private void reserve(UUID userId, UUID streamId) {
        String key = streamsKey(userId);
        long now = clock.millis();
        try {
            redis.opsForZSet().removeRangeByScore(key, Double.NEGATIVE_INFINITY, now);
            redis.opsForZSet()
                    .add(
                            key,
                            streamId.toString(),
                            now + 3 * settings.keepAlive().toMillis());
            redis.expire(key, settings.keepAlive().multipliedBy(3));
            Long open = redis.opsForZSet().zCard(key);
            if (open != null && open > settings.maxStreamsPerUser()) {
                redis.opsForZSet().remove(key, streamId.toString());
                throw new TooManyStreamsException(settings.maxStreamsPerUser());
            }
        } catch (TooManyStreamsException e) {
            throw e;
        } catch (RuntimeException e) {
            failures.warn("The open event streams could not be counted in Redis: {}", e.toString());
        }
    }

    private void release(Connection connection) {
        if (connections.remove(connection.id()) != null) {
            byProfile.computeIfPresent(connection.profileId(), (profile, open) -> {
                open.remove(connection);
                return open.isEmpty() ? null : open;
            });
            try {
                redis.opsForZSet()
                        .remove(streamsKey(connection.userId()), connection.id().toString());
            } catch (RuntimeException e) {
                failures.warn("An event stream could not be uncounted in Redis: {}", e.toString());
            }
        }
    }

    private String streamsKey(UUID userId) {
        return settings.keyPrefix() + "open-streams:" + userId;
    }

    /** A message of the channel: announced events (see {@link SyncEvents}) or {@code close-user:userId}. */
    @Override
    public void onMessage(Message message, byte[] pattern) {
        if (connections.isEmpty()) {
            return; // nothing of this instance to write to or close
        }
        String body = new String(message.getBody(), StandardCharsets.UTF_8);
        if (body.startsWith(CLOSE)) {
            UUID userId = UUID.fromString(body.substring(CLOSE.length()));
            connections.values().stream()
                    .filter(c -> c.userId().equals(userId))
                    .forEach(c -> c.emitter().complete());
            return;
        }
        if (body.startsWith(CLOSE_SIGN_IN)) {
            UUID signInId = UUID.fromString(body.substring(CLOSE_SIGN_IN.length()));
            connections.values().stream()
                    .filter(c -> signInId.equals(c.signInId()))
                    .forEach(c -> c.emitter().complete());
            return;
        }
        for (SyncEvents.Announced announced : SyncEvents.parse(body)) {
            Set<Connection> open = byProfile.get(announced.profileId());
            if (open != null) {
                open.forEach(c -> send(c, announced.event()));
            }
        }
    }

    @Scheduled(fixedDelayString = "${marquee.viewing.sync.keep-alive:15s}")
    void keepAlive() {
        long expiry = clock.millis() + 3 * settings.keepAlive().toMillis();
        for (Connection connection : List.copyOf(connections.values())) {
            if (send(connection, SseEmitter.event().comment("keep-alive"))) {
                try {
                    redis.opsForZSet()
                            .add(
                                    streamsKey(connection.userId()),
                                    connection.id().toString(),
                                    expiry);
                    redis.expire(
                            streamsKey(connection.userId()),
                            settings.keepAlive().multipliedBy(3));
                } catch (RuntimeException e) {
                    failures.warn("The open event streams could not be counted in Redis: {}", e.toString());
                }
            }
        }
    }

    /** One device signed out: the streams opened with that sign-in's tokens (or tickets) close, on every instance. */
    @ApplicationModuleListener
    void on(UserSignedOut event) {
        if (event.sessionId() != null) {
            redis.convertAndSend(events.channel(), CLOSE_SIGN_IN + event.sessionId());
        }
    }

    /** Signed out everywhere or deactivated: every stream of the account closes, on every instance. */
    @ApplicationModuleListener
    void on(UserSignedOutEverywhere event) {
        closeEverywhere(event.userId());
    }

    @ApplicationModuleListener
    void on(UserDeactivated event) {
        closeEverywhere(event.userId());
    }

    private void closeEverywhere(UUID userId) {
        redis.convertAndSend(events.channel(), CLOSE + userId);
    }

    private boolean send(Connection connection, SyncEvent event) {
        return send(
                connection, SseEmitter.event().id(event.id()).name(event.type()).data(json.writeValueAsString(event)));
    }

    private boolean send(Connection connection, SseEmitter.SseEventBuilder event) {
        try {
            synchronized (connection) {
                connection.emitter().send(event);
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            release(connection);
            connection.emitter().completeWithError(e);
            return false;
        }
    }

    /** Started with the context; stopped first on shutdown, so open streams never hold up the graceful shutdown. */
    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        for (Connection connection : List.copyOf(connections.values())) {
            try {
                connection.emitter().complete();
            } catch (RuntimeException e) {
                // the connection is gone already
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * The channel subscription that feeds {@link #onMessage}. Every heartbeat is a message: they are handed to the
     * application's task executor (virtual threads where the JDK has them, else its bounded pool), not to the
     * container's default executor, which starts a new platform thread for each message.
     */
    @Configuration(proxyBeanMethods = false)
    static class Subscription {

        @Bean
        RedisMessageListenerContainer viewingSyncListener(
                RedisConnectionFactory connections,
                SyncHub hub,
                SyncEvents events,
                AsyncTaskExecutor applicationTaskExecutor) {
            RedisMessageListenerContainer container = new RedisMessageListenerContainer();
            container.setConnectionFactory(connections);
            container.setTaskExecutor(applicationTaskExecutor);
            container.addMessageListener(hub, new ChannelTopic(events.channel()));
            return container;
        }
    }
}
