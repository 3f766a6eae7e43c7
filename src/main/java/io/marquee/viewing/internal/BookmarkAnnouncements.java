package io.marquee.viewing.internal;

import io.marquee.viewing.BookmarkCompleted;
import io.marquee.viewing.BookmarkDismissed;
import io.marquee.viewing.BookmarkRestored;
import io.marquee.viewing.BookmarksChanged;
import io.marquee.viewing.HistoryDeleted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the rest of the service learns of bookmark writes, inside the writing transaction: module events for state
 * changes, {@link BookmarksChanged} for every write, and the sync events for the profiles' devices once committed.
 * A batch of heartbeats is announced as a whole, so its side effects cost one Redis round trip each, not one per
 * heartbeat.
 */
@Component
class BookmarkAnnouncements {

    private final ApplicationEventPublisher events;
    private final SyncEvents sync;

    BookmarkAnnouncements(ApplicationEventPublisher events, SyncEvents sync) {
        this.events = events;
        this.sync = sync;
    }

    /** A committing batch of heartbeats: only the applied ones changed anything (late ones are left out). */
    void heartbeatsWritten(List<BookmarkRows.Upserted> batch) {
        List<BookmarkRows.Row> written = new ArrayList<>(batch.size());
        for (BookmarkRows.Upserted result : batch) {
            if (!result.applied()) {
                continue;
            }
            BookmarkRows.Row row = result.row();
            written.add(row);
            if (row.completed() && !result.wasCompleted()) {
                events.publishEvent(new BookmarkCompleted(
                        row.profileId(), row.id(), row.contentType(), row.contentId(), row.titleId(), row.updatedAt()));
            }
            if (result.wasDismissed()) {
                events.publishEvent(new BookmarkRestored(
                        row.profileId(), row.id(), row.contentId(), row.titleId(), row.updatedAt()));
            }
        }
        announce("bookmark_updated", written);
    }

    /** A bookmark the profile dismissed; {@code nowDismissed} unless it already was. */
    void dismissed(BookmarkRows.Row row, boolean nowDismissed, Instant now) {
        announce("bookmark_dismissed", List.of(row));
        if (nowDismissed) {
            events.publishEvent(new BookmarkDismissed(row.profileId(), row.id(), row.contentId(), row.titleId(), now));
        }
    }

    /** A bookmark the profile restored; {@code revived} when it was paused (dismissed or stale) and is unfinished. */
    void restored(BookmarkRows.Row row, boolean revived, Instant now) {
        announce("bookmark_restored", List.of(row));
        if (revived) {
            events.publishEvent(new BookmarkRestored(row.profileId(), row.id(), row.contentId(), row.titleId(), now));
        }
    }

    /** Movies or episodes forgotten from the profile's history. */
    void historyDeleted(UUID profileId, List<UUID> contents, Instant now) {
        events.publishEvent(new HistoryDeleted(profileId, contents));
        events.publishEvent(new BookmarksChanged(Set.of(profileId)));
        sync.publishAfterCommit(contents.stream()
                .map(content -> new SyncEvents.Outgoing(profileId, "bookmark_deleted", content, null, null, now))
                .toList());
    }

    private void announce(String type, List<BookmarkRows.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Set<UUID> profiles = new LinkedHashSet<>();
        List<SyncEvents.Outgoing> outgoing = new ArrayList<>(rows.size());
        for (BookmarkRows.Row row : rows) {
            profiles.add(row.profileId());
            outgoing.add(new SyncEvents.Outgoing(
                    row.profileId(), type, row.contentId(), row.positionSeconds(), row.completed(), row.updatedAt()));
        }
        events.publishEvent(new BookmarksChanged(profiles));
        sync.publishAfterCommit(outgoing);
    }
}
