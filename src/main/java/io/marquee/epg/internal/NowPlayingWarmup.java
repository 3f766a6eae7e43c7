package io.marquee.epg.internal;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps now-playing warm (SPEC §7): recomputed more often than its 30 s time to live, once per tick across all
 * instances, so viewers rarely wait for the query.
 */
@Component
class NowPlayingWarmup {

    static final String JOB = "epg-now-playing-warmup";

    private final GuideCache cache;
    private final MeterRegistry meters;

    NowPlayingWarmup(GuideCache cache, MeterRegistry meters) {
        this.cache = cache;
        this.meters = meters;
    }

    @Scheduled(cron = "${marquee.epg.now-playing-warmup.cron:*/20 * * * * *}")
    @SchedulerLock(name = JOB, lockAtLeastFor = "PT10S", lockAtMostFor = "PT1M")
    public void run() {
        meters.timer("marquee.jobs.runs", "job", JOB).record(cache::refreshOnAir);
    }
}
