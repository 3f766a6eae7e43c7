package io.marquee.viewing.internal;

import io.marquee.catalog.CatalogContent;
import io.marquee.catalog.TitleCard;
import io.marquee.catalog.TitleCards;
import io.marquee.identity.AgeRating;
import io.marquee.identity.ParentalControls;
import io.marquee.platform.errors.InvalidInputException;
import io.marquee.platform.errors.NotFoundException;
import io.marquee.platform.web.Listing;
import io.marquee.platform.web.Page;
import io.marquee.viewing.ContinueWatching;
import io.marquee.viewing.ViewingItem;
import io.marquee.viewing.ViewingItem.NextEpisode;
import io.marquee.viewing.ViewingItem.TitleInfo;
import io.marquee.viewing.internal.ViewingViews.BookmarkView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookmarks: the playback heartbeat, continue watching with resumption scoring, paused, dismiss / restore and history
 * (SPEC §5, PoC §2.6 and §3.1–3.5).
 */
@Service
class Bookmarks implements ContinueWatching {

    static final String BOOKMARK_NOT_FOUND = "Bookmark not found or doesn't belong to profile";

    /** A heartbeat as the client sent it; {@code recordedAt} and {@code deviceType} are optional. */
    record HeartbeatCommand(
            UUID profileId,
            String contentType,
            UUID contentId,
            int positionSeconds,
            int durationSeconds,
            String deviceType,
            Instant recordedAt) {}

    private final BookmarkRows rows;
    private final CatalogContent catalog;
    private final TitleCards titleCards;
    private final ParentalControls parental;
    private final ViewingSettings settings;
    private final ResumptionScoring scoring;
    private final Clock clock;
    private final BookmarkAnnouncements announcements;
    private final HeartbeatBatcher heartbeats;
    private final Counter heartbeatsStored;
    private final Counter heartbeatsLate;

    Bookmarks(
            BookmarkRows rows,
            CatalogContent catalog,
            TitleCards titleCards,
            ParentalControls parental,
            ViewingSettings settings,
            Clock clock,
            BookmarkAnnouncements announcements,
            HeartbeatBatcher heartbeats,
            MeterRegistry meters) {
        this.rows = rows;
        this.catalog = catalog;
        this.titleCards = titleCards;
        this.parental = parental;
        this.settings = settings;
        this.scoring = new ResumptionScoring(settings.scoring());
        this.clock = clock;
        this.announcements = announcements;
        this.heartbeats = heartbeats;
        this.heartbeatsStored = heartbeats(meters, "stored");
        this.heartbeatsLate = heartbeats(meters, "late");
    }

    private static Counter heartbeats(MeterRegistry meters, String outcome) {
        return Counter.builder("marquee.viewing.heartbeats")
                .description("Bookmark heartbeats answered: stored, or older than the stored one (late)")
                .tag("outcome", outcome)
                .register(meters);
    }

    /**
     * Stores a heartbeat unless it is older than the stored one; either way the answer is the bookmark as stored, and
     * it is committed when this returns (heartbeats arriving together commit together, see {@link HeartbeatBatcher}).
     * Only state changes (completed, restored by playing) publish module events (see {@link BookmarkAnnouncements}).
     */
    BookmarkView heartbeat(HeartbeatCommand command) {
        CatalogContent.Content content =
                catalog.find(command.contentId()).orElseThrow(() -> new NotFoundException("Content not found"));
        boolean matches = switch (content.kind()) {
            case MOVIE -> command.contentType().equals("movie");
            case EPISODE -> command.contentType().equals("episode");
            case SERIES -> false;
        };
        if (!matches) {
            throw new InvalidInputException(
                    "content_type",
                    content.kind() == CatalogContent.Kind.SERIES
                            ? "a series is not playable: send its episodes"
                            : "does not match the content (it is a "
                                    + content.kind().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        Instant now = clock.instant();
        Instant recordedAt = command.recordedAt() == null ? now : command.recordedAt();
        if (recordedAt.isAfter(now.plus(settings.maxClockAhead()))) {
            throw new InvalidInputException(
                    "recorded_at",
                    "must not be more than " + settings.maxClockAhead().toMinutes() + " minutes in the future");
        }
        int duration = command.durationSeconds();
        int position = Math.min(command.positionSeconds(), duration);
        boolean completed = settings.completion().completed(position, duration);
        BookmarkRows.Upserted result = heartbeats.write(new BookmarkRows.Heartbeat(
                command.profileId(),
                command.contentType(),
                command.contentId(),
                content.titleId(),
                position,
                duration,
                completed,
                command.deviceType(),
                recordedAt,
                now));
        (result.applied() ? heartbeatsStored : heartbeatsLate).increment();
        return BookmarkView.of(result.row());
    }

    @Transactional
    BookmarkView dismiss(UUID profileId, UUID bookmarkId) {
        Instant now = clock.instant();
        BookmarkRows.Change change = rows.setDismissed(profileId, bookmarkId, now, now)
                .orElseThrow(() -> new NotFoundException(BOOKMARK_NOT_FOUND));
        announcements.dismissed(change.after(), change.before().dismissedAt() == null, now);
        return BookmarkView.of(change.after());
    }

    /** Back into continue watching, whether it was dismissed or only stale: clears the dismissal, refreshes the time. */
    @Transactional
    BookmarkView restore(UUID profileId, UUID bookmarkId) {
        Instant now = clock.instant();
        BookmarkRows.Change change = rows.setDismissed(profileId, bookmarkId, null, now)
                .orElseThrow(() -> new NotFoundException(BOOKMARK_NOT_FOUND));
        BookmarkRows.Row before = change.before();
        BookmarkRows.Row after = change.after();
        boolean wasPaused =
                before.dismissedAt() != null || before.updatedAt().isBefore(now.minus(settings.staleAfter()));
        announcements.restored(after, wasPaused && !after.completed(), now);
        return BookmarkView.of(after);
    }

    Optional<BookmarkView> byContent(UUID profileId, UUID contentId) {
        return rows.byContent(profileId, contentId).map(BookmarkView::of);
    }

    /**
     * The {@code limit} most recently watched titles in progress (each with its latest episode), scored and ordered by
     * score (ties keep recency order).
     */
    Listing<ViewingItem> continueWatching(
            UUID userId, UUID profileId, ResumptionScoring.Device device, Integer hourOfDay, int limit) {
        Instant now = clock.instant();
        List<BookmarkRows.Latest> latest = rows.latestPerTitle(
                profileId,
                false,
                now.minus(settings.staleAfter()),
                now.minus(settings.scoring().momentumWindow()),
                settings.continueWatchingCandidates());
        List<Rendered> rendered =
                render(userId, profileId, latest, true).stream().limit(limit).toList();
        List<ViewingItem> items = new ArrayList<>();
        for (Rendered item : rendered) {
            BookmarkRows.Row row = item.latest().row();
            double progress = ResumptionScoring.progressPercent(row.positionSeconds(), row.durationSeconds());
            double score = scoring.score(
                    new ResumptionScoring.Candidate(
                            row.updatedAt(),
                            progress,
                            row.positionSeconds(),
                            row.durationSeconds(),
                            row.isEpisode() ? item.latest().seriesCompleted() : null),
                    now,
                    device,
                    hourOfDay);
            items.add(item.view(score));
        }
        // a stable sort: equal scores keep the recency order
        items.sort(Comparator.comparing(ViewingItem::resumptionScore).reversed());
        return Listing.of(items);
    }

    @Override
    public List<ViewingItem> top(UUID userId, UUID profileId, int limit) {
        return continueWatching(userId, profileId, ResumptionScoring.Device.WEB, null, limit)
                .items();
    }

    /** Titles whose latest unfinished bookmark is dismissed or stale, most recently paused first. */
    Listing<ViewingItem> paused(UUID userId, UUID profileId) {
        Instant now = clock.instant();
        List<BookmarkRows.Latest> latest = rows.latestPerTitle(
                profileId,
                true,
                now.minus(settings.staleAfter()),
                now.minus(settings.scoring().momentumWindow()),
                settings.continueWatchingCandidates());
        return Listing.of(render(userId, profileId, latest, false).stream()
                .map(item -> item.view(null))
                .toList());
    }

    /** Everything the profile has watched or started, newest first, within its parental rating. */
    Page<ViewingItem> history(UUID userId, UUID profileId, int page, int pageSize) {
        AgeRating limit = parental.ratingOf(profileId);
        String[] allowed =
                limit == AgeRating.TV_MA ? null : limit.allowedLabels().toArray(String[]::new);
        long total = rows.historyCount(profileId, allowed);
        List<BookmarkRows.Latest> pageRows = total == 0
                ? List.of()
                : rows.history(profileId, allowed, pageSize, Page.offset(page, pageSize)).stream()
                        .map(row -> new BookmarkRows.Latest(row, 0, List.of()))
                        .toList();
        return new Page<>(
                render(userId, profileId, pageRows, false).stream()
                        .map(item -> item.view(null))
                        .toList(),
                total,
                page,
                pageSize);
    }

    /** Forgets a movie or an episode, or (given a series id) every episode of the series; idempotent. */
    @Transactional
    void deleteHistory(UUID profileId, UUID contentId) {
        List<UUID> deleted = rows.deleteHistory(profileId, contentId);
        if (!deleted.isEmpty()) {
            announcements.historyDeleted(profileId, deleted, clock.instant());
        }
    }

    /** An item with what the catalog says about it. */
    private record Rendered(BookmarkRows.Latest latest, TitleInfo titleInfo, NextEpisode next, double progress) {

        ViewingItem view(Double score) {
            BookmarkRows.Row row = latest.row();
            return new ViewingItem(
                    row.id(),
                    row.contentType(),
                    row.contentId(),
                    row.positionSeconds(),
                    row.durationSeconds(),
                    progress,
                    row.completed(),
                    row.dismissedAt(),
                    row.updatedAt(),
                    score,
                    titleInfo,
                    next);
        }
    }

    /**
     * Title info (one query and one entitlement lookup for the list) and episodes with their next episode (one query),
     * in the order given; items whose title the profile may not see, or whose episode is gone, are left out.
     */
    private List<Rendered> render(
            UUID userId, UUID profileId, List<BookmarkRows.Latest> latest, boolean withNextEpisode) {
        if (latest.isEmpty()) {
            return List.of();
        }
        Set<UUID> titleIds = latest.stream().map(l -> l.row().titleId()).collect(Collectors.toSet());
        Map<UUID, TitleCard> cards = titleCards.of(userId, titleIds, parental.ratingOf(profileId)).stream()
                .collect(Collectors.toMap(TitleCard::id, Function.identity()));
        Set<UUID> episodeIds = new HashSet<>();
        Set<UUID> finished = new HashSet<>();
        for (BookmarkRows.Latest l : latest) {
            if (l.row().isEpisode() && cards.containsKey(l.row().titleId())) {
                episodeIds.add(l.row().contentId());
                finished.addAll(l.completedEpisodes());
            }
        }
        Map<UUID, CatalogContent.Episode> episodes = catalog.episodes(episodeIds, finished);
        List<Rendered> rendered = new ArrayList<>();
        for (BookmarkRows.Latest l : latest) {
            BookmarkRows.Row row = l.row();
            TitleCard card = cards.get(row.titleId());
            CatalogContent.Episode episode = row.isEpisode() ? episodes.get(row.contentId()) : null;
            if (card == null || (row.isEpisode() && episode == null)) {
                continue;
            }
            rendered.add(new Rendered(
                    l,
                    TitleInfo.of(card, episode),
                    withNextEpisode && episode != null ? NextEpisode.of(episode.next()) : null,
                    ResumptionScoring.progressPercent(row.positionSeconds(), row.durationSeconds())));
        }
        return rendered;
    }
}
