package io.marquee.demo;

import io.marquee.discovery.Embeddings;
import io.marquee.platform.cache.CacheEviction;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Loads the demo data when {@code marquee.demo.load-on-start} is set: catalog, guide, then packages and accounts
 * (which slice the catalog), the demo viewer's bookmarks, ratings and watchlist, then the embeddings of the demo
 * titles (synchronously, only those whose text changed, so semantic and hybrid search work as soon as the load is
 * logged). Each step is idempotent, so every start re-loads and repairs the demo rows. While demo data is on, a daily
 * job keeps the guide covering today −3 … +3 days.
 */
@Component
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoSettings settings;
    private final DemoCatalog catalog;
    private final DemoGuide guide;
    private final DemoAccounts accounts;
    private final DemoViewing viewing;
    private final CacheEviction caches;
    private final Embeddings embeddings;

    DemoData(
            DemoSettings settings,
            DemoCatalog catalog,
            DemoGuide guide,
            DemoAccounts accounts,
            DemoViewing viewing,
            CacheEviction caches,
            Embeddings embeddings) {
        this.settings = settings;
        this.catalog = catalog;
        this.guide = guide;
        this.accounts = accounts;
        this.viewing = viewing;
        this.caches = caches;
        this.embeddings = embeddings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadOnStart() {
        if (settings.loadOnStart()) {
            load();
        }
    }

    void load() {
        long started = System.nanoTime();
        List<UUID> titles = catalog.load();
        DemoGuide.Loaded guideLoaded = guide.load();
        accounts.load(titles, guideLoaded.channelIds());
        viewing.load();
        // the demo rows are written with SQL, past the modules' own evictions
        List.of("genres", "featured", "epg-schedule", "now-playing", "entitlement-grants")
                .forEach(caches::clear);
        int embedded = embeddings.refreshMissing();
        log.info(
                "Demo data loaded in {} ms: {} titles ({} newly embedded), {} new programmes, {} accounts (sign in as"
                        + " admin@ott.test or demo@ott.test; passwords in the README)",
                (System.nanoTime() - started) / 1_000_000,
                titles.size(),
                embedded,
                guideLoaded.programmesAdded(),
                DemoAccounts.USERS.size());
    }

    @Scheduled(cron = "${marquee.demo.guide-cron:0 5 0 * * *}", zone = "UTC")
    @SchedulerLock(name = "demo-guide", lockAtLeastFor = "PT1M")
    public void extendGuide() {
        if (settings.loadOnStart()) {
            log.info("Demo guide extended by {} programmes", guide.load().programmesAdded());
        }
    }
}
