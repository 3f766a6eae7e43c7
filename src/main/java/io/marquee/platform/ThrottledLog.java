package io.marquee.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A warning that is logged at most once per interval, for failures that repeat on every request while a backing
 * service is down (an outage must not flood the logs). Thread-safe; the first warning is always logged.
 */
public final class ThrottledLog {

    private final Logger log;
    private final long intervalNanos;
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - Long.MAX_VALUE / 2);

    public ThrottledLog(Logger log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
    }

    /** Whole seconds until the next warning may be logged after one was; for messages that say so. */
    public long intervalSeconds() {
        return intervalNanos / 1_000_000_000;
    }

    /** Logs at WARN unless a warning was logged less than an interval ago; answers whether it logged. */
    public boolean warn(String format, Object... arguments) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= intervalNanos && lastLogged.compareAndSet(last, now)) {
            log.warn(format, arguments);
            return true;
        }
        return false;
    }
}
