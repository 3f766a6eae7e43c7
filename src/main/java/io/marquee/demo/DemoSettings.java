package io.marquee.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data ({@code marquee.demo.*}).
 *
 * @param loadOnStart load (or re-load: the load is idempotent and restores changed demo rows) when the application
 *     is ready; {@code scripts/run} turns it on
 * @param adminPassword password of {@code admin@ott.test}
 * @param viewerPassword password of the other demo accounts
 */
@ConfigurationProperties("marquee.demo")
record DemoSettings(
        @DefaultValue("false") boolean loadOnStart,
        @DefaultValue("admin-demo-2026") String adminPassword,
        @DefaultValue("watch-demo-2026") String viewerPassword) {

    @Override
    public String toString() {
        return "DemoSettings[loadOnStart=" + loadOnStart + ", passwords=<hidden>]";
    }
}
