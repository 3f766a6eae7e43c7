package io.marquee.platform.health;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On shutdown Spring Boot first marks the instance as refusing traffic (readiness answers 503), then stops the web
 * server gracefully, letting in-flight requests finish. This lifecycle, stopped first, keeps serving for
 * {@code marquee.shutdown.drain} in between, so a load balancer polling readiness can take the instance out before
 * it stops accepting connections.
 */
@Component
class ShutdownDrain implements SmartLifecycle {

    private final Duration drain;
    private volatile boolean running;

    ShutdownDrain(@Value("${marquee.shutdown.drain:0s}") Duration drain) {
        this.drain = drain;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        try {
            Thread.sleep(drain.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
