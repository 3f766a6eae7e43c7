package io.marquee.catalog.internal;

import io.marquee.catalog.internal.AdminRequests.CastMemberRequest;
import io.marquee.catalog.internal.AdminRequests.EpisodeRequest;
import io.marquee.catalog.internal.AdminRequests.SeasonRequest;
import io.marquee.catalog.internal.AdminRequests.TitleRequest;
import io.marquee.catalog.internal.PartialBodies.Partial;
import io.marquee.platform.sql.SqlTime;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the catalog admin: titles with their genres and cast, seasons, episodes, genres. */
@Repository
class CatalogWrites {

    record AdminTitleRow(
            UUID id,
            String title,
            String titleType,
            Integer releaseYear,
            String ageRating,
            String posterUrl,
            boolean isFeatured,
            Instant createdAt) {}

    record SeasonRecord(UUID id, UUID titleId, int seasonNumber, String name, String synopsis) {}

    record EpisodeRecord(
            UUID id,
            UUID seasonId,
            UUID seriesId,
            int seasonNumber,
            int episodeNumber,
            String title,
            String synopsis,
            Integer durationMinutes,
            String hlsManifestUrl,
            Instant createdAt) {}

    private static final String EPISODE_COLUMNS = """
            e.id, e.season_id, s.title_id AS series_id, s.season_number, e.episode_number, e.title, e.synopsis,
            e.duration_minutes, e.hls_manifest_url, e.created_at""";

    private final JdbcClient jdbc;

    CatalogWrites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID insertTitle(TitleRequest title, Instant createdAt) {
        return jdbc.sql("""
                        INSERT INTO titles (title, title_type, synopsis_short, synopsis_long, release_year,
                                            duration_minutes, age_rating, country_of_origin, language, poster_url,
                                            landscape_url, logo_url, hls_manifest_url, is_featured, mood_tags,
                                            theme_tags, ai_description, created_at)
                        VALUES (:title, :title_type, :synopsis_short, :synopsis_long, :release_year,
                                :duration_minutes, :age_rating, :country_of_origin, :language, :poster_url,
                                :landscape_url, :logo_url, :hls_manifest_url, :is_featured, CAST(:mood_tags AS text[]),
                                CAST(:theme_tags AS text[]), :ai_description, :created_at)
                        RETURNING id
                        """)
                .param("title", title.title().strip())
                .param("title_type", title.titleType())
                .param("synopsis_short", title.synopsisShort())
                .param("synopsis_long", title.synopsisLong())
                .param("release_year", title.releaseYear())
                .param("duration_minutes", title.durationMinutes())
                .param("age_rating", title.ageRating())
                .param("country_of_origin", title.countryOfOrigin())
                .param("language", title.language())
                .param("poster_url", title.posterUrl())
                .param("landscape_url", title.landscapeUrl())
                .param("logo_url", title.logoUrl())
                .param("hls_manifest_url", title.hlsManifestUrl())
                .param("is_featured", Boolean.TRUE.equals(title.isFeatured()))
                .param("mood_tags", tags(title.moodTags()))
                .param("theme_tags", tags(title.themeTags()))
                .param("ai_description", title.aiDescription())
                .param("created_at", SqlTime.utc(createdAt))
                .query(UUID.class)
                .single();
    }

    /** Sets the fields present in the body ({@code null} clears); false when the title does not exist. */
    boolean updateTitle(UUID id, Partial<TitleRequest> change) {
        TitleRequest title = change.value();
        return jdbc.sql("""
                                UPDATE titles SET
                                    title = CASE WHEN :set_title THEN :title ELSE title END,
                                    title_type = CASE WHEN :set_title_type THEN :title_type ELSE title_type END,
                                    synopsis_short =
                                        CASE WHEN :set_synopsis_short THEN :synopsis_short ELSE synopsis_short END,
                                    synopsis_long =
                                        CASE WHEN :set_synopsis_long THEN :synopsis_long ELSE synopsis_long END,
                                    release_year = CASE WHEN :set_release_year THEN :release_year ELSE release_year END,
                                    duration_minutes =
                                        CASE WHEN :set_duration_minutes THEN :duration_minutes ELSE duration_minutes END,
                                    age_rating = CASE WHEN :set_age_rating THEN :age_rating ELSE age_rating END,
                                    country_of_origin = CASE WHEN :set_country_of_origin THEN :country_of_origin
                                                             ELSE country_of_origin END,
                                    language = CASE WHEN :set_language THEN :language ELSE language END,
                                    poster_url = CASE WHEN :set_poster_url THEN :poster_url ELSE poster_url END,
                                    landscape_url = CASE WHEN :set_landscape_url THEN :landscape_url ELSE landscape_url END,
                                    logo_url = CASE WHEN :set_logo_url THEN :logo_url ELSE logo_url END,
                                    hls_manifest_url =
                                        CASE WHEN :set_hls_manifest_url THEN :hls_manifest_url ELSE hls_manifest_url END,
                                    is_featured = CASE WHEN :set_is_featured THEN :is_featured ELSE is_featured END,
                                    mood_tags = CASE WHEN :set_mood_tags THEN CAST(:mood_tags AS text[]) ELSE mood_tags END,
                                    theme_tags =
                                        CASE WHEN :set_theme_tags THEN CAST(:theme_tags AS text[]) ELSE theme_tags END,
                                    ai_description =
                                        CASE WHEN :set_ai_description THEN :ai_description ELSE ai_description END
                                WHERE id = :id
                                """)
                        .param("id", id)
                        .param("set_title", change.has("title"))
                        .param(
                                "title",
                                title.title() == null ? null : title.title().strip())
                        .param("set_title_type", change.has("title_type"))
                        .param("title_type", title.titleType())
                        .param("set_synopsis_short", change.has("synopsis_short"))
                        .param("synopsis_short", title.synopsisShort())
                        .param("set_synopsis_long", change.has("synopsis_long"))
                        .param("synopsis_long", title.synopsisLong())
                        .param("set_release_year", change.has("release_year"))
                        .param("release_year", title.releaseYear())
                        .param("set_duration_minutes", change.has("duration_minutes"))
                        .param("duration_minutes", title.durationMinutes())
                        .param("set_age_rating", change.has("age_rating"))
                        .param("age_rating", title.ageRating())
                        .param("set_country_of_origin", change.has("country_of_origin"))
                        .param("country_of_origin", title.countryOfOrigin())
                        .param("set_language", change.has("language"))
                        .param("language", title.language())
                        .param("set_poster_url", change.has("poster_url"))
                        .param("poster_url", title.posterUrl())
                        .param("set_landscape_url", change.has("landscape_url"))
                        .param("landscape_url", title.landscapeUrl())
                        .param("set_logo_url", change.has("logo_url"))
                        .param("logo_url", title.logoUrl())
                        .param("set_hls_manifest_url", change.has("hls_manifest_url"))
                        .param("hls_manifest_url", title.hlsManifestUrl())
                        .param("set_is_featured", change.has("is_featured"))
                        .param("is_featured", title.isFeatured())
                        .param("set_mood_tags", change.has("mood_tags"))
                        .param("mood_tags", tags(title.moodTags()))
                        .param("set_theme_tags", change.has("theme_tags"))
                        .param("theme_tags", tags(title.themeTags()))
                        .param("set_ai_description", change.has("ai_description"))
                        .param("ai_description", title.aiDescription())
                        .update()
                > 0;
    }

    /** The title's type with its row locked for the rest of the transaction; empty when it does not exist. */
    Optional<String> lockTitle(UUID id) {
        return jdbc.sql("SELECT title_type FROM titles WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    /** The title's type, held against concurrent changes (a type change waits) until the transaction ends. */
    Optional<String> shareTitle(UUID id) {
        return jdbc.sql("SELECT title_type FROM titles WHERE id = :id FOR SHARE")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    boolean hasSeasons(UUID titleId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM seasons WHERE title_id = :id)")
                .param("id", titleId)
                .query(Boolean.class)
                .single();
    }

    boolean deleteTitle(UUID id) {
        return jdbc.sql("DELETE FROM titles WHERE id = :id").param("id", id).update() > 0;
    }

    /** Of {@code genreIds}, those that exist. */
    List<UUID> existingGenres(Collection<UUID> genreIds) {
        return jdbc.sql("SELECT id FROM genres WHERE id = ANY(:ids)")
                .param("ids", genreIds.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
    }

    /** Replaces the title's genres; the first is the primary one. */
    void replaceGenres(UUID titleId, List<UUID> genreIds) {
        jdbc.sql("DELETE FROM title_genres WHERE title_id = :id")
                .param("id", titleId)
                .update();
        jdbc.sql("""
                        INSERT INTO title_genres (title_id, genre_id, is_primary)
                        SELECT :id, g.id, g.n = 1 FROM unnest(CAST(:genres AS uuid[])) WITH ORDINALITY AS g (id, n)
                        """)
                .param("id", titleId)
                .param("genres", genreIds.toArray(UUID[]::new))
                .update();
    }

    /** Replaces the title's cast in billing order, in one statement (the search vector is refreshed once). */
    void replaceCast(UUID titleId, List<CastMemberRequest> cast) {
        jdbc.sql("DELETE FROM title_cast WHERE title_id = :id")
                .param("id", titleId)
                .update();
        jdbc.sql("""
                        INSERT INTO title_cast (title_id, person_name, role, character_name, sort_order)
                        SELECT :id, c.person_name, c.role, c.character_name, c.n - 1
                        FROM unnest(CAST(:names AS text[]), CAST(:roles AS text[]), CAST(:characters AS text[]))
                             WITH ORDINALITY AS c (person_name, role, character_name, n)
                        """)
                .param("id", titleId)
                .param("names", cast.stream().map(c -> c.personName().strip()).toArray(String[]::new))
                .param("roles", cast.stream().map(CastMemberRequest::role).toArray(String[]::new))
                .param(
                        "characters",
                        cast.stream().map(CastMemberRequest::characterName).toArray(String[]::new))
                .update();
    }

    /** {@code titlePattern} comes from {@code Like.containing}; newest first. */
    List<AdminTitleRow> titlePage(String titlePattern, int limit, long offset) {
        return jdbc.sql("""
                        SELECT id, title, title_type, release_year, age_rating, poster_url, is_featured, created_at
                        FROM titles
                        WHERE CAST(:q AS text) IS NULL OR title ILIKE :q ESCAPE '\\'
                        ORDER BY created_at DESC, id DESC
                        LIMIT :limit OFFSET :offset
                        """)
                .param("q", titlePattern)
                .param("limit", limit)
                .param("offset", offset)
                .query(AdminTitleRow.class)
                .list();
    }

    long titleCount(String titlePattern) {
        return jdbc.sql("SELECT count(*) FROM titles WHERE CAST(:q AS text) IS NULL OR title ILIKE :q ESCAPE '\\'")
                .param("q", titlePattern)
                .query(Long.class)
                .single();
    }

    /** Empty when the title already has a season of that number. */
    Optional<SeasonRecord> insertSeason(UUID titleId, SeasonRequest season) {
        return jdbc.sql("""
                        INSERT INTO seasons (title_id, season_number, name, synopsis)
                        VALUES (:title, :number, :name, :synopsis)
                        ON CONFLICT (title_id, season_number) DO NOTHING
                        RETURNING id, title_id, season_number, name, synopsis
                        """)
                .param("title", titleId)
                .param("number", season.seasonNumber())
                .param("name", season.name())
                .param("synopsis", season.synopsis())
                .query(SeasonRecord.class)
                .optional();
    }

    /** The season with its row locked ({@code FOR UPDATE}) or shared ({@code FOR SHARE}) until the end. */
    Optional<SeasonRecord> season(UUID id, boolean forUpdate) {
        return jdbc.sql("SELECT id, title_id, season_number, name, synopsis FROM seasons WHERE id = :id"
                        + (forUpdate ? " FOR UPDATE" : " FOR SHARE"))
                .param("id", id)
                .query(SeasonRecord.class)
                .optional();
    }

    /** Sets the fields present; a duplicate number raises {@code DuplicateKeyException}. */
    SeasonRecord updateSeason(UUID id, Partial<SeasonRequest> change) {
        SeasonRequest season = change.value();
        return jdbc.sql("""
                        UPDATE seasons SET
                            season_number = CASE WHEN :set_number THEN :number ELSE season_number END,
                            name = CASE WHEN :set_name THEN :name ELSE name END,
                            synopsis = CASE WHEN :set_synopsis THEN :synopsis ELSE synopsis END
                        WHERE id = :id
                        RETURNING id, title_id, season_number, name, synopsis
                        """)
                .param("id", id)
                .param("set_number", change.has("season_number"))
                .param("number", season.seasonNumber())
                .param("set_name", change.has("name"))
                .param("name", season.name())
                .param("set_synopsis", change.has("synopsis"))
                .param("synopsis", season.synopsis())
                .query(SeasonRecord.class)
                .single();
    }

    List<UUID> episodesOfSeason(UUID seasonId) {
        return jdbc.sql("SELECT id FROM episodes WHERE season_id = :id ORDER BY episode_number")
                .param("id", seasonId)
                .query(UUID.class)
                .list();
    }

    void deleteSeason(UUID id) {
        jdbc.sql("DELETE FROM seasons WHERE id = :id").param("id", id).update();
    }

    /** Empty when the season already has an episode of that number. */
    Optional<UUID> insertEpisode(UUID seasonId, EpisodeRequest episode, Instant createdAt) {
        return jdbc.sql("""
                        INSERT INTO episodes (season_id, episode_number, title, synopsis, duration_minutes,
                                              hls_manifest_url, created_at)
                        VALUES (:season, :number, :title, :synopsis, :duration, :manifest, :created_at)
                        ON CONFLICT (season_id, episode_number) DO NOTHING
                        RETURNING id
                        """)
                .param("season", seasonId)
                .param("number", episode.episodeNumber())
                .param("title", episode.title().strip())
                .param("synopsis", episode.synopsis())
                .param("duration", episode.durationMinutes())
                .param("manifest", episode.hlsManifestUrl())
                .param("created_at", SqlTime.utc(createdAt))
                .query(UUID.class)
                .optional();
    }

    Optional<EpisodeRecord> episode(UUID id) {
        return jdbc.sql("SELECT " + EPISODE_COLUMNS
                        + " FROM episodes e JOIN seasons s ON s.id = e.season_id WHERE e.id = :id")
                .param("id", id)
                .query(EpisodeRecord.class)
                .optional();
    }

    /** Sets the fields present; false when the episode does not exist; a duplicate number raises. */
    boolean updateEpisode(UUID id, Partial<EpisodeRequest> change) {
        EpisodeRequest episode = change.value();
        return jdbc.sql("""
                                UPDATE episodes SET
                                    episode_number = CASE WHEN :set_number THEN :number ELSE episode_number END,
                                    title = CASE WHEN :set_title THEN :title ELSE title END,
                                    synopsis = CASE WHEN :set_synopsis THEN :synopsis ELSE synopsis END,
                                    duration_minutes = CASE WHEN :set_duration THEN :duration ELSE duration_minutes END,
                                    hls_manifest_url = CASE WHEN :set_manifest THEN :manifest ELSE hls_manifest_url END
                                WHERE id = :id
                                """)
                        .param("id", id)
                        .param("set_number", change.has("episode_number"))
                        .param("number", episode.episodeNumber())
                        .param("set_title", change.has("title"))
                        .param(
                                "title",
                                episode.title() == null ? null : episode.title().strip())
                        .param("set_synopsis", change.has("synopsis"))
                        .param("synopsis", episode.synopsis())
                        .param("set_duration", change.has("duration_minutes"))
                        .param("duration", episode.durationMinutes())
                        .param("set_manifest", change.has("hls_manifest_url"))
                        .param("manifest", episode.hlsManifestUrl())
                        .update()
                > 0;
    }

    /** The deleted episode's series, or empty when there was no such episode. */
    Optional<UUID> deleteEpisode(UUID id) {
        return jdbc.sql("""
                        DELETE FROM episodes e USING seasons s
                        WHERE e.id = :id AND s.id = e.season_id
                        RETURNING s.title_id
                        """).param("id", id).query(UUID.class).optional();
    }

    /** Empty when the name or slug is taken. */
    Optional<CatalogReads.Genre> insertGenre(String name, String slug) {
        return jdbc.sql("""
                        INSERT INTO genres (name, slug) VALUES (:name, :slug)
                        ON CONFLICT DO NOTHING
                        RETURNING id, name, slug
                        """)
                .param("name", name)
                .param("slug", slug)
                .query(CatalogReads.Genre.class)
                .optional();
    }

    /**
     * Unlinks the genre from its titles and deletes it; the titles that had it, or empty when it did not exist. The
     * genre's row is locked first, so no title can be linked to it in between (such a link then fails its foreign key).
     */
    Optional<List<UUID>> deleteGenre(UUID id) {
        boolean exists = jdbc.sql("SELECT id FROM genres WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(UUID.class)
                .optional()
                .isPresent();
        if (!exists) {
            return Optional.empty();
        }
        List<UUID> titles = jdbc.sql("DELETE FROM title_genres WHERE genre_id = :id RETURNING title_id")
                .param("id", id)
                .query(UUID.class)
                .list();
        jdbc.sql("DELETE FROM genres WHERE id = :id").param("id", id).update();
        return Optional.of(titles);
    }

    private static String[] tags(List<String> tags) {
        return tags == null
                ? new String[0]
                : tags.stream().map(String::strip).distinct().toArray(String[]::new);
    }
}
