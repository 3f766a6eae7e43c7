package io.marquee.entitlement.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends playback sessions whose device went silent (they already stopped counting; this makes it final) and
 * refreshes the active-sessions gauge, once per tick across the cluster.
 */
@Component
class SilentSessionJob {

    static final String JOB = "silent-playback-sessions";

    private final SessionService sessions;
    private final MeterRegistry meters;
    private final AtomicLong active = new AtomicLong();

    SilentSessionJob(SessionService sessions, MeterRegistry meters) {
        this.sessions = sessions;
        this.meters = meters;
        Gauge.builder("marquee.playback.sessions.active", active, AtomicLong::get)
                .description("Live playback sessions (as of the last run of the silent-session job)")
                .register(meters);
    }

    @Scheduled(cron = "${marquee.entitlement.silent-session-cron:*/30 * * * * *}")
    @SchedulerLock(name = JOB, lockAtLeastFor = "PT10S", lockAtMostFor = "PT5M")
    public void run() {
        meters.timer("marquee.jobs.runs", "job", JOB).record((IntSupplier) sessions::endSilent);
        active.set(sessions.countLive());
    }
}
