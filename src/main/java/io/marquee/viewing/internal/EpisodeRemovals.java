package io.marquee.viewing.internal;

import io.marquee.catalog.EpisodeRemoved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Bookmarks of an episode that left the catalog point at nothing (their content id has no foreign key; a removed title
 * takes its bookmarks along by cascade), so they go too.
 */
@Component
class EpisodeRemovals {

    private final BookmarkRows rows;

    EpisodeRemovals(BookmarkRows rows) {
        this.rows = rows;
    }

    @ApplicationModuleListener
    void on(EpisodeRemoved event) {
        rows.deleteContent(event.episodeId());
    }
}
