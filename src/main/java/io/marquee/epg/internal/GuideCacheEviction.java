package io.marquee.epg.internal;

import io.marquee.epg.ChannelChanged;
import io.marquee.epg.ChannelRemoved;
import io.marquee.epg.ScheduleChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Evicts what an admin write made stale, once the write has committed (evicting earlier would let a concurrent
 * reader cache the old rows again), before the admin's response is sent. A day's cached schedule holds no channel
 * details, so a changed channel only touches now-playing.
 */
@Component
class GuideCacheEviction {

    private final GuideCache cache;

    GuideCacheEviction(GuideCache cache) {
        this.cache = cache;
    }

    @TransactionalEventListener
    void on(ScheduleChanged event) {
        cache.forgetSchedule(event.channelId());
        cache.forgetOnAir();
    }

    @TransactionalEventListener
    void on(ChannelChanged event) {
        cache.forgetOnAir();
    }

    @TransactionalEventListener
    void on(ChannelRemoved event) {
        cache.forgetSchedule(event.channelId());
        cache.forgetOnAir();
    }
}
