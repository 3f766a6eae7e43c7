package io.marquee.viewing.internal;

import io.marquee.catalog.CatalogContent;
import io.marquee.catalog.TitleCard;
import io.marquee.catalog.TitleCards;
import io.marquee.identity.ParentalControls;
import io.marquee.platform.errors.NotFoundException;
import io.marquee.platform.sql.SqlTime;
import io.marquee.platform.web.Listing;
import io.marquee.viewing.TitleRated;
import io.marquee.viewing.ViewingItem.TitleInfo;
import io.marquee.viewing.WatchlistChanged;
import io.marquee.viewing.internal.ViewingViews.RatingView;
import io.marquee.viewing.internal.ViewingViews.WatchlistItem;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A profile's watchlist and ratings of titles (movies and series). */
@Service
class Library {

    static final String TITLE_NOT_FOUND = "Title not found";

    private final JdbcClient jdbc;
    private final CatalogContent catalog;
    private final TitleCards titleCards;
    private final ParentalControls parental;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Library(
            JdbcClient jdbc,
            CatalogContent catalog,
            TitleCards titleCards,
            ParentalControls parental,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.titleCards = titleCards;
        this.parental = parental;
        this.events = events;
        this.clock = clock;
    }

    /** Adds the title; {@code false} when it was there already (nothing changes). */
    @Transactional
    boolean addToWatchlist(UUID profileId, UUID titleId) {
        requireTitle(titleId);
        int added = foreignKeyAsNotFound(() -> jdbc.sql("""
                        INSERT INTO watchlist (profile_id, title_id, added_at) VALUES (:profile, :title, :now)
                        ON CONFLICT DO NOTHING
                        """)
                .param("profile", profileId)
                .param("title", titleId)
                .param("now", SqlTime.utc(clock.instant()))
                .update());
        if (added == 0) {
            return false;
        }
        events.publishEvent(new WatchlistChanged(profileId, titleId, true));
        return true;
    }

    /** Idempotent. */
    @Transactional
    void removeFromWatchlist(UUID profileId, UUID titleId) {
        int removed = jdbc.sql("DELETE FROM watchlist WHERE profile_id = :profile AND title_id = :title")
                .param("profile", profileId)
                .param("title", titleId)
                .update();
        if (removed > 0) {
            events.publishEvent(new WatchlistChanged(profileId, titleId, false));
        }
    }

    /** Most recently added first; titles above the profile's parental rating are left out. */
    Listing<WatchlistItem> watchlist(UUID userId, UUID profileId) {
        record Entry(UUID titleId, Instant addedAt) {}
        List<Entry> entries = jdbc.sql("""
                        SELECT title_id, added_at FROM watchlist WHERE profile_id = :profile
                        ORDER BY added_at DESC, title_id
                        """)
                .param("profile", profileId)
                .query((rs, n) -> new Entry(
                        rs.getObject("title_id", UUID.class),
                        rs.getObject("added_at", OffsetDateTime.class).toInstant()))
                .list();
        if (entries.isEmpty()) {
            return Listing.of(List.of());
        }
        Map<UUID, TitleCard> cards =
                titleCards
                        .of(userId, entries.stream().map(Entry::titleId).toList(), parental.ratingOf(profileId))
                        .stream()
                        .collect(Collectors.toMap(TitleCard::id, Function.identity()));
        return Listing.of(entries.stream()
                .filter(entry -> cards.containsKey(entry.titleId()))
                .map(entry -> new WatchlistItem(
                        entry.titleId(), entry.addedAt(), TitleInfo.of(cards.get(entry.titleId()), null)))
                .toList());
    }

    /** Sets the rating (an upsert: {@code created_at} is kept); an event only when it changed. */
    @Transactional
    RatingView rate(UUID profileId, UUID titleId, int rating) {
        requireTitle(titleId);
        record Written(RatingView view, Integer previous) {}
        Instant now = clock.instant();
        Written written = foreignKeyAsNotFound(() -> jdbc.sql("""
                        WITH previous AS (
                            SELECT rating FROM ratings WHERE profile_id = :profile AND title_id = :title FOR UPDATE
                        ), written AS (
                            INSERT INTO ratings (profile_id, title_id, rating, created_at, updated_at)
                            SELECT :profile, :title, :rating, :now, :now
                            WHERE (SELECT count(*) FROM previous) >= 0 -- reads the previous row before the upsert
                            ON CONFLICT (profile_id, title_id) DO UPDATE
                                SET rating = excluded.rating, updated_at = excluded.updated_at
                            RETURNING title_id, rating, created_at, updated_at
                        )
                        SELECT w.*, p.rating AS previous FROM written w LEFT JOIN previous p ON true
                        """)
                .param("profile", profileId)
                .param("title", titleId)
                .param("rating", rating)
                .param("now", SqlTime.utc(now))
                .query((rs, n) -> new Written(
                        new RatingView(
                                rs.getObject("title_id", UUID.class),
                                rs.getInt("rating"),
                                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                                rs.getObject("updated_at", OffsetDateTime.class).toInstant()),
                        rs.getObject("previous", Integer.class)))
                .single());
        if (written.previous() == null || written.previous() != rating) {
            events.publishEvent(new TitleRated(profileId, titleId, rating));
        }
        return written.view();
    }

    /** Clears the rating; idempotent. */
    @Transactional
    void clearRating(UUID profileId, UUID titleId) {
        int removed = jdbc.sql("DELETE FROM ratings WHERE profile_id = :profile AND title_id = :title")
                .param("profile", profileId)
                .param("title", titleId)
                .update();
        if (removed > 0) {
            events.publishEvent(new TitleRated(profileId, titleId, null));
        }
    }

    Optional<RatingView> rating(UUID profileId, UUID titleId) {
        return jdbc.sql("""
                        SELECT title_id, rating, created_at, updated_at FROM ratings
                        WHERE profile_id = :profile AND title_id = :title
                        """)
                .param("profile", profileId)
                .param("title", titleId)
                .query((rs, n) -> new RatingView(
                        rs.getObject("title_id", UUID.class),
                        rs.getInt("rating"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Watchlists and ratings hold movies and series, never episodes. */
    private void requireTitle(UUID titleId) {
        catalog.find(titleId)
                .filter(content -> content.kind() != CatalogContent.Kind.EPISODE)
                .orElseThrow(() -> new NotFoundException(TITLE_NOT_FOUND));
    }

    /** The title was deleted between the check and the write. */
    private static <T> T foreignKeyAsNotFound(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (DataIntegrityViolationException e) {
            throw new NotFoundException(TITLE_NOT_FOUND);
        }
    }
}
