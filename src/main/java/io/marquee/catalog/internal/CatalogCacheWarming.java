package io.marquee.catalog.internal;

import io.marquee.identity.AgeRating;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refills the genres and featured caches (every parental rating) from the database before they expire, once per tick
 * across the cluster (SPEC §7), so that viewers rarely meet a cold cache. The default tick (every 4 minutes) is
 * shorter than the featured TTL (5 minutes).
 */
@Component
class CatalogCacheWarming {

    static final String JOB = "catalog-cache-warming";

    private final CatalogCaches caches;
    private final MeterRegistry meters;

    CatalogCacheWarming(CatalogCaches caches, MeterRegistry meters) {
        this.caches = caches;
        this.meters = meters;
    }

    @Scheduled(cron = "${marquee.catalog.cache-warming-cron:0 */4 * * * *}")
    @SchedulerLock(
            name = JOB,
            lockAtLeastFor = "${marquee.catalog.cache-warming-lock-at-least-for:PT30S}",
            lockAtMostFor = "PT5M")
    public void run() {
        meters.timer("marquee.jobs.runs", "job", JOB).record(() -> {
            caches.refreshGenres();
            for (AgeRating rating : AgeRating.values()) {
                caches.refreshFeatured(rating);
            }
        });
    }
}
