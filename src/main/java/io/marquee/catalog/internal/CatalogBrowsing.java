package io.marquee.catalog.internal;

import io.marquee.catalog.KeywordHit;
import io.marquee.catalog.KeywordSearch;
import io.marquee.catalog.TitleCard;
import io.marquee.catalog.TitleCards;
import io.marquee.entitlement.Entitlements;
import io.marquee.identity.AgeRating;
import io.marquee.platform.errors.ForbiddenException;
import io.marquee.platform.errors.NotFoundException;
import io.marquee.platform.web.Listing;
import io.marquee.platform.web.Page;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * What viewers read. Every list is one or two queries plus one entitlement lookup for the whole list; the parental
 * filter is part of each query.
 */
@Service
class CatalogBrowsing implements TitleCards, KeywordSearch {

    static final String TITLE_NOT_FOUND = "Title not found";
    static final String RESTRICTED = "Content not available for this profile";

    /** The list filters as the API takes them; {@code q} is the raw text. */
    record Browse(String genreSlug, String titleType, String q, AgeRating ratingLimit) {}

    record CastMemberView(String personName, String role, String characterName) {}

    record EpisodeView(
            UUID id,
            int episodeNumber,
            String title,
            String synopsis,
            Integer durationMinutes,
            String hlsManifestUrl) {}

    record SeasonView(UUID id, int seasonNumber, String name, String synopsis, List<EpisodeView> episodes) {}

    record TitleDetailView(
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
            List<String> genres,
            List<CastMemberView> cast,
            List<SeasonView> seasons,
            boolean entitled) {}

    record SeriesRef(UUID id, String title) {}

    record SeasonRef(UUID id, int seasonNumber, String name) {}

    record EpisodeRef(UUID id, int seasonNumber, int episodeNumber, String title) {}

    record EpisodeDetailView(
            UUID id,
            int episodeNumber,
            String title,
            String synopsis,
            Integer durationMinutes,
            String hlsManifestUrl,
            boolean entitled,
            SeriesRef series,
            SeasonRef season,
            EpisodeRef previousEpisode,
            EpisodeRef nextEpisode) {}

    private final CatalogReads reads;
    private final CatalogCaches caches;
    private final Entitlements entitlements;
    private final CatalogSettings settings;

    CatalogBrowsing(CatalogReads reads, CatalogCaches caches, Entitlements entitlements, CatalogSettings settings) {
        this.reads = reads;
        this.caches = caches;
        this.entitlements = entitlements;
        this.settings = settings;
    }

    /** Titles by title then id, or by keyword rank when {@code q} is given. */
    Page<TitleCard> titles(UUID userId, Browse browse, int page, int pageSize) {
        String q = blankToNull(browse.q());
        if (q != null && !KeywordPredicate.searchable(q)) {
            return new Page<>(List.of(), 0, page, pageSize);
        }
        CatalogReads.PageRows result = reads.page(
                new CatalogReads.TitleFilter(
                        browse.genreSlug(), browse.titleType(), q, Parental.allowed(browse.ratingLimit())),
                settings.similarityThreshold(),
                pageSize,
                Page.offset(page, pageSize));
        return new Page<>(cards(userId, result.rows()), result.total(), page, pageSize);
    }

    Listing<TitleCard> featured(UUID userId, AgeRating ratingLimit) {
        return Listing.of(cards(userId, caches.featured(ratingLimit).items()));
    }

    Listing<CatalogReads.Genre> genres() {
        return Listing.of(caches.genres().items());
    }

    TitleDetailView title(UUID userId, UUID titleId, AgeRating ratingLimit) {
        CatalogReads.TitleRow title = reads.title(titleId).orElseThrow(() -> new NotFoundException(TITLE_NOT_FOUND));
        if (!Parental.allows(ratingLimit, title.ageRating())) {
            throw new ForbiddenException(RESTRICTED);
        }
        boolean entitled = entitlements.playableTitles(userId, List.of(titleId)).contains(titleId);
        List<SeasonView> seasons = reads.seasons(titleId).stream()
                .map(season -> new SeasonView(
                        season.id(),
                        season.seasonNumber(),
                        season.name(),
                        season.synopsis(),
                        season.episodes().stream()
                                .map(e -> new EpisodeView(
                                        e.id(),
                                        e.episodeNumber(),
                                        e.title(),
                                        e.synopsis(),
                                        e.durationMinutes(),
                                        entitled ? manifest(e.hlsManifestUrl(), title.hlsManifestUrl()) : null))
                                .toList()))
                .toList();
        return new TitleDetailView(
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
                entitled ? title.hlsManifestUrl() : null,
                title.isFeatured(),
                title.moodTags(),
                title.themeTags(),
                title.aiDescription(),
                title.genres(),
                reads.cast(titleId).stream()
                        .map(c -> new CastMemberView(c.personName(), c.role(), c.characterName()))
                        .toList(),
                seasons,
                entitled);
    }

    /** An episode with its series, season and neighbours across season boundaries; rated and entitled as its series. */
    EpisodeDetailView episode(UUID userId, UUID episodeId, AgeRating ratingLimit) {
        CatalogReads.EpisodeInSeries found =
                reads.episode(episodeId).orElseThrow(() -> new NotFoundException("Episode not found"));
        if (!Parental.allows(ratingLimit, found.seriesAgeRating())) {
            throw new ForbiddenException(RESTRICTED);
        }
        boolean entitled =
                entitlements.playableTitles(userId, List.of(found.seriesId())).contains(found.seriesId());
        CatalogReads.EpisodeRow episode = found.episode();
        return new EpisodeDetailView(
                episode.id(),
                episode.episodeNumber(),
                episode.title(),
                episode.synopsis(),
                episode.durationMinutes(),
                entitled ? manifest(episode.hlsManifestUrl(), found.seriesManifestUrl()) : null,
                entitled,
                new SeriesRef(found.seriesId(), found.seriesTitle()),
                new SeasonRef(found.seasonId(), found.seasonNumber(), found.seasonName()),
                ref(found.previous()),
                ref(found.next()));
    }

    @Override
    public List<TitleCard> of(UUID userId, Collection<UUID> titleIds, AgeRating ratingLimit) {
        if (titleIds.isEmpty()) {
            return List.of();
        }
        Set<UUID> wanted = new LinkedHashSet<>(titleIds);
        Map<UUID, CatalogReads.CardRow> rows = reads.cards(wanted, Parental.allowed(ratingLimit)).stream()
                .collect(Collectors.toMap(CatalogReads.CardRow::id, Function.identity()));
        return cards(
                userId, wanted.stream().filter(rows::containsKey).map(rows::get).toList());
    }

    @Override
    public List<KeywordHit> rank(String q, AgeRating ratingLimit, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1..1000, was " + limit);
        }
        if (!KeywordPredicate.searchable(q)) {
            return List.of();
        }
        return reads.keywordHits(q.strip(), Parental.allowed(ratingLimit), settings.similarityThreshold(), limit);
    }

    private List<TitleCard> cards(UUID userId, List<CatalogReads.CardRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<UUID> playable = entitlements.playableTitles(
                userId, rows.stream().map(CatalogReads.CardRow::id).toList());
        return rows.stream().map(row -> row.card(playable.contains(row.id()))).toList();
    }

    /** An episode plays its own stream, else its series' (as {@link CatalogPlayableContent} resolves it). */
    static String manifest(String episodeManifest, String seriesManifest) {
        return episodeManifest != null ? episodeManifest : seriesManifest;
    }

    private static EpisodeRef ref(CatalogReads.Neighbour neighbour) {
        return neighbour == null
                ? null
                : new EpisodeRef(
                        neighbour.id(), neighbour.seasonNumber(), neighbour.episodeNumber(), neighbour.title());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
