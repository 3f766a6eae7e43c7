package io.marquee.discovery.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.IntSupplier;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Embeds, on a schedule and once per tick across all instances, any title whose embedding is missing or stale: a safety
 * net for writes that bypassed the catalog's events (SQL loads) or happened while the model was unavailable.
 */
@Component
class EmbeddingRefresh {

    static final String JOB = "embedding-refresh";
    private static final Logger log = LoggerFactory.getLogger(EmbeddingRefresh.class);

    private final EmbeddingWriter writer;
    private final MeterRegistry meters;

    EmbeddingRefresh(EmbeddingWriter writer, MeterRegistry meters) {
        this.writer = writer;
        this.meters = meters;
    }

    @Scheduled(cron = "${marquee.discovery.refresh-cron:0 */15 * * * *}")
    @SchedulerLock(name = JOB, lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
    public void run() {
        int embedded = meters.timer("marquee.jobs.runs", "job", JOB).record((IntSupplier) writer::refreshMissing);
        if (embedded > 0) {
            log.info("Embedded {} titles whose embedding was missing or stale", embedded);
        }
    }
}
