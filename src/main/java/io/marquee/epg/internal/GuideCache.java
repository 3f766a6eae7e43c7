package io.marquee.epg.internal;

import io.marquee.epg.internal.Programmes.OnAirNow;
import io.marquee.epg.internal.Programmes.Programme;
import io.marquee.platform.ThrottledLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.redis.cache.RedisCache;
import org.springframework.stereotype.Component;

/**
 * The guide's shared caches (SPEC §7), in Redis: a channel's programmes per local day and zone ({@code epg-schedule},
 * keys {@code <channel>|<date>|<zone>}), and what is on air now ({@code now-playing}). Both hold only what every viewer
 * sees alike; favourites, entitlements and parental masking are applied per request.
 */
@Component
class GuideCache {

    static final String SCHEDULE = "epg-schedule";
    static final String NOW_PLAYING = "now-playing";

    /** How far ahead now/next looks for the next programme. */
    static final Duration NEXT_HORIZON = Duration.ofHours(24);

    /** A channel's programmes of one guide day, by start time. */
    record DaySchedule(List<Programme> programmes) {}

    private final Programmes programmes;
    private final CacheManager caches;
    private final Clock clock;
    private final ThrottledLog warnings =
            new ThrottledLog(LoggerFactory.getLogger(GuideCache.class), Duration.ofMinutes(1));

    GuideCache(Programmes programmes, CacheManager caches, Clock clock) {
        this.programmes = programmes;
        this.caches = caches;
        this.clock = clock;
    }

    /** {@code null} (and nothing cached) when the channel does not exist. */
    @Cacheable(
            cacheNames = SCHEDULE,
            key = "#channelId + '|' + #day.date() + '|' + #day.zone().id",
            unless = "#result == null")
    public DaySchedule day(UUID channelId, GuideDay day) {
        return programmes
                .ofChannel(channelId, day.start(), day.end())
                .map(DaySchedule::new)
                .orElse(null);
    }

    /** What was on air when the cached value was made; callers check {@link OnAirNow#validAt(Instant)}. */
    @Cacheable(cacheNames = NOW_PLAYING, key = "'all'")
    public OnAirNow onAir() {
        return load();
    }

    @CachePut(cacheNames = NOW_PLAYING, key = "'all'")
    public OnAirNow refreshOnAir() {
        return load();
    }

    @CacheEvict(cacheNames = NOW_PLAYING, key = "'all'")
    public void forgetOnAir() {}

    /**
     * Every cached day of the channel, whatever its date and zone. A failure is logged and otherwise ignored, like
     * every cache failure: the entries then live out their time to live.
     */
    public void forgetSchedule(UUID channelId) {
        Cache cache = caches.getCache(SCHEDULE);
        try {
            if (cache instanceof RedisCache redis) {
                redis.clear(channelId + "|*");
            } else if (cache != null) {
                cache.clear();
            }
        } catch (RuntimeException e) {
            warnings.warn("Could not evict the cached guide of channel {}: {}", channelId, e.getMessage());
        }
    }

    private OnAirNow load() {
        Instant now = clock.instant();
        return programmes.onAir(now, now.plus(NEXT_HORIZON));
    }
}
