package io.marquee.catalog.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.marquee.catalog.EmbeddedTitles;
import io.marquee.catalog.EpisodePublished;
import io.marquee.catalog.EpisodeRemoved;
import io.marquee.catalog.TitleChanged;
import io.marquee.catalog.TitlePublished;
import io.marquee.catalog.TitleRemoved;
import io.marquee.catalog.internal.AdminRequests.EpisodeRequest;
import io.marquee.catalog.internal.AdminRequests.GenreRequest;
import io.marquee.catalog.internal.AdminRequests.SeasonRequest;
import io.marquee.catalog.internal.AdminRequests.TitleRequest;
import io.marquee.catalog.internal.CatalogWrites.EpisodeRecord;
import io.marquee.catalog.internal.CatalogWrites.SeasonRecord;
import io.marquee.catalog.internal.PartialBodies.Partial;
import io.marquee.platform.errors.ConflictException;
import io.marquee.platform.errors.FieldViolation;
import io.marquee.platform.errors.InvalidInputException;
import io.marquee.platform.errors.NotFoundException;
import io.marquee.platform.sql.Like;
import io.marquee.platform.tx.AfterCommit;
import io.marquee.platform.web.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an admin may do to the catalog. Every write publishes its event in its own transaction and evicts the caches
 * it affects once committed.
 */
@Service
class CatalogAdministration {

    static final String SEASON_NOT_FOUND = "Season not found";
    static final String EPISODE_NOT_FOUND = "Episode not found";

    /** A title as admins see and edit it: every field, genre ids, the cast, seasons and episodes unmasked. */
    record AdminTitleView(
            UUID id,
            String title,
            String titleType,
            String synopsisShort,
            String synopsisLong,
            Integer releaseYear,
            Integer durationMinutes,
            String ageRating,
            String countryOfOrigin,
            String language,
            String posterUrl,
            String landscapeUrl,
            String logoUrl,
            String hlsManifestUrl,
            boolean isFeatured,
            List<String> moodTags,
            List<String> themeTags,
            String aiDescription,
            List<UUID> genreIds,
            List<String> genres,
            List<CatalogReads.CastRow> cast,
            List<CatalogReads.SeasonRow> seasons,
            Instant createdAt,
            boolean hasEmbedding) {}

    /** A row of the admin title list: the title and whether semantic search has its embedding. */
    record AdminTitleItem(@JsonUnwrapped CatalogWrites.AdminTitleRow title, boolean hasEmbedding) {}

    private final CatalogWrites writes;
    private final CatalogReads reads;
    private final CatalogCaches caches;
    private final CatalogContentReads contents;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<EmbeddedTitles> embedded;

    CatalogAdministration(
            CatalogWrites writes,
            CatalogReads reads,
            CatalogCaches caches,
            CatalogContentReads contents,
            ApplicationEventPublisher events,
            Clock clock,
            ObjectProvider<EmbeddedTitles> embedded) {
        this.writes = writes;
        this.reads = reads;
        this.caches = caches;
        this.contents = contents;
        this.events = events;
        this.clock = clock;
        this.embedded = embedded;
    }

    private Set<UUID> embedded(Collection<UUID> titleIds) {
        EmbeddedTitles titles = embedded.getIfAvailable();
        return titles == null || titleIds.isEmpty() ? Set.of() : titles.among(titleIds);
    }

    Page<AdminTitleItem> titles(String titleContains, int page, int pageSize) {
        String pattern = Like.containing(titleContains);
        List<CatalogWrites.AdminTitleRow> rows = writes.titlePage(pattern, pageSize, Page.offset(page, pageSize));
        Set<UUID> withEmbedding =
                embedded(rows.stream().map(CatalogWrites.AdminTitleRow::id).toList());
        return new Page<>(
                rows.stream()
                        .map(row -> new AdminTitleItem(row, withEmbedding.contains(row.id())))
                        .toList(),
                writes.titleCount(pattern),
                page,
                pageSize);
    }

    AdminTitleView title(UUID id) {
        CatalogReads.TitleRow title =
                reads.title(id).orElseThrow(() -> new NotFoundException(CatalogBrowsing.TITLE_NOT_FOUND));
        return new AdminTitleView(
                title.id(),
                title.title(),
                title.titleType(),
                title.synopsisShort(),
                title.synopsisLong(),
                title.releaseYear(),
                title.durationMinutes(),
                title.ageRating(),
                title.countryOfOrigin(),
                title.language(),
                title.posterUrl(),
                title.landscapeUrl(),
                title.logoUrl(),
                title.hlsManifestUrl(),
                title.isFeatured(),
                title.moodTags(),
                title.themeTags(),
                title.aiDescription(),
                title.genreIds(),
                title.genres(),
                reads.cast(id),
                reads.seasons(id),
                title.createdAt(),
                embedded(List.of(id)).contains(id));
    }

    @Transactional
    AdminTitleView create(TitleRequest request) {
        List<UUID> genreIds = knownGenres(request.genreIds());
        UUID id = writes.insertTitle(request, clock.instant());
        writes.replaceGenres(id, genreIds);
        if (request.cast() != null) {
            writes.replaceCast(id, request.cast());
        }
        events.publishEvent(new TitlePublished(id));
        AfterCommit.run(caches::evictFeatured);
        return title(id);
    }

    /**
     * Applies the fields present. The row lock serialises this with season creation, so a series cannot become a
     * movie while a season is being added to it.
     */
    @Transactional
    AdminTitleView update(UUID id, Partial<TitleRequest> change) {
        TitleRequest request = change.value();
        requirePresentValues(
                change,
                Stream.of(
                        new Required("title", request.title()),
                        new Required("title_type", request.titleType()),
                        new Required("is_featured", request.isFeatured())));
        String type = writes.lockTitle(id).orElseThrow(() -> new NotFoundException(CatalogBrowsing.TITLE_NOT_FOUND));
        if (change.has("title_type")
                && "movie".equals(request.titleType())
                && "series".equals(type)
                && writes.hasSeasons(id)) {
            throw new ConflictException("A series with seasons cannot become a movie; delete its seasons first");
        }
        List<UUID> genreIds = change.has("genre_ids") ? knownGenres(request.genreIds()) : null;
        writes.updateTitle(id, change);
        if (genreIds != null) {
            writes.replaceGenres(id, genreIds);
        }
        if (change.has("cast")) {
            writes.replaceCast(id, request.cast() == null ? List.of() : request.cast());
        }
        events.publishEvent(new TitleChanged(id));
        AfterCommit.run(caches::evictFeatured);
        AfterCommit.run(contents::forgetAll); // a movie may have become a series, or back
        return title(id);
    }

    @Transactional
    void delete(UUID id) {
        if (!writes.deleteTitle(id)) {
            throw new NotFoundException(CatalogBrowsing.TITLE_NOT_FOUND);
        }
        events.publishEvent(new TitleRemoved(id));
        AfterCommit.run(caches::evictFeatured);
        AfterCommit.run(contents::forgetAll);
    }

    @Transactional
    SeasonRecord createSeason(UUID titleId, SeasonRequest request) {
        String type =
                writes.shareTitle(titleId).orElseThrow(() -> new NotFoundException(CatalogBrowsing.TITLE_NOT_FOUND));
        if (!"series".equals(type)) {
            throw new ConflictException("Only a series has seasons; this title is a movie");
        }
        return writes.insertSeason(titleId, request).orElseThrow(() -> seasonExists(request.seasonNumber()));
    }

    @Transactional
    SeasonRecord updateSeason(UUID seasonId, Partial<SeasonRequest> change) {
        requirePresentValues(
                change, Stream.of(new Required("season_number", change.value().seasonNumber())));
        writes.season(seasonId, true).orElseThrow(() -> new NotFoundException(SEASON_NOT_FOUND));
        try {
            return writes.updateSeason(seasonId, change);
        } catch (DuplicateKeyException e) {
            throw seasonExists(change.value().seasonNumber());
        }
    }

    /** Publishes {@link EpisodeRemoved} for each of the season's episodes. */
    @Transactional
    void deleteSeason(UUID seasonId) {
        SeasonRecord season = writes.season(seasonId, true).orElseThrow(() -> new NotFoundException(SEASON_NOT_FOUND));
        List<UUID> episodes = writes.episodesOfSeason(seasonId);
        writes.deleteSeason(seasonId);
        episodes.forEach(episode -> events.publishEvent(new EpisodeRemoved(episode, season.titleId())));
        AfterCommit.run(contents::forgetAll);
    }

    @Transactional
    EpisodeRecord createEpisode(UUID seasonId, EpisodeRequest request) {
        SeasonRecord season = writes.season(seasonId, false).orElseThrow(() -> new NotFoundException(SEASON_NOT_FOUND));
        UUID id = writes.insertEpisode(seasonId, request, clock.instant())
                .orElseThrow(() -> episodeExists(request.episodeNumber()));
        events.publishEvent(new EpisodePublished(id, season.titleId(), season.seasonNumber(), request.episodeNumber()));
        return writes.episode(id).orElseThrow();
    }

    @Transactional
    EpisodeRecord updateEpisode(UUID episodeId, Partial<EpisodeRequest> change) {
        EpisodeRequest request = change.value();
        requirePresentValues(
                change,
                Stream.of(
                        new Required("episode_number", request.episodeNumber()),
                        new Required("title", request.title())));
        try {
            if (!writes.updateEpisode(episodeId, change)) {
                throw new NotFoundException(EPISODE_NOT_FOUND);
            }
        } catch (DuplicateKeyException e) {
            throw episodeExists(request.episodeNumber());
        }
        return writes.episode(episodeId).orElseThrow();
    }

    @Transactional
    void deleteEpisode(UUID episodeId) {
        UUID seriesId = writes.deleteEpisode(episodeId).orElseThrow(() -> new NotFoundException(EPISODE_NOT_FOUND));
        events.publishEvent(new EpisodeRemoved(episodeId, seriesId));
        AfterCommit.run(contents::forgetAll);
    }

    @Transactional
    CatalogReads.Genre createGenre(GenreRequest request) {
        String name = request.name().strip();
        String slug = request.slug() != null ? request.slug() : slugOf(name);
        if (slug.isEmpty()) {
            throw new InvalidInputException("slug", "is required when the name has no letters or digits");
        }
        CatalogReads.Genre genre = writes.insertGenre(name, slug)
                .orElseThrow(() -> new ConflictException("A genre with this name or slug already exists"));
        AfterCommit.run(caches::evictGenres);
        return genre;
    }

    /** The titles that had the genre change: each gets {@link TitleChanged}. */
    @Transactional
    void deleteGenre(UUID genreId) {
        List<UUID> titles = writes.deleteGenre(genreId).orElseThrow(() -> new NotFoundException("Genre not found"));
        titles.forEach(title -> events.publishEvent(new TitleChanged(title)));
        AfterCommit.run(caches::evictGenres);
    }

    /** {@code genreIds} without duplicates, in order; 422 naming {@code genre_ids} when any does not exist. */
    private List<UUID> knownGenres(List<UUID> genreIds) {
        List<UUID> distinct =
                genreIds == null ? List.of() : genreIds.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return distinct;
        }
        Set<UUID> known = new HashSet<>(writes.existingGenres(distinct));
        List<UUID> unknown = distinct.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(
                    "genre_ids",
                    "unknown genre " + unknown.stream().map(UUID::toString).collect(Collectors.joining(", ")));
        }
        return distinct;
    }

    private record Required(String field, Object value) {}

    /** A field that cannot be cleared was sent as {@code null}. */
    private static void requirePresentValues(Partial<?> change, Stream<Required> fields) {
        List<FieldViolation> violations = fields.filter(f -> change.has(f.field()) && f.value() == null)
                .map(f -> new FieldViolation(f.field(), "must not be null"))
                .toList();
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    static String slugOf(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    private static ConflictException seasonExists(Integer number) {
        return new ConflictException("Season " + number + " already exists for this title");
    }

    private static ConflictException episodeExists(Integer number) {
        return new ConflictException("Episode " + number + " already exists in this season");
    }
}
