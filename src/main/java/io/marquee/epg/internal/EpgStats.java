package io.marquee.epg.internal;

import io.marquee.platform.admin.StatsContributor;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class EpgStats implements StatsContributor {

    private final Channels channels;

    EpgStats(Channels channels) {
        this.channels = channels;
    }

    @Override
    public Map<String, Long> stats() {
        return Map.of("channel_count", channels.count());
    }
}
