package io.marquee.identity.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.IntSupplier;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes dead refresh tokens (plan 3.4) on a schedule, once per tick across all instances. */
@Component
class RefreshTokenCleanup {

    static final String JOB = "refresh-token-cleanup";
    private static final Logger log = LoggerFactory.getLogger(RefreshTokenCleanup.class);

    private final RefreshTokens refreshTokens;
    private final MeterRegistry meters;

    RefreshTokenCleanup(RefreshTokens refreshTokens, MeterRegistry meters) {
        this.refreshTokens = refreshTokens;
        this.meters = meters;
    }

    @Scheduled(cron = "${marquee.identity.token-cleanup.cron:0 17 * * * *}")
    @SchedulerLock(
            name = JOB,
            lockAtLeastFor = "${marquee.identity.token-cleanup.lock-at-least-for:PT1M}",
            lockAtMostFor = "PT10M")
    public void run() {
        int removed = meters.timer("marquee.jobs.runs", "job", JOB).record((IntSupplier) refreshTokens::deleteDead);
        meters.counter("marquee.identity.refresh_tokens.removed").increment(removed);
        log.info("Removed {} dead refresh tokens", removed);
    }
}
