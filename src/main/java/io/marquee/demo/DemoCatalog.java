package io.marquee.demo;

import io.marquee.platform.sql.SqlTime;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo catalog from {@code demo/catalog.json}: genres, titles with cast and genres, seasons and episodes. Rows
 * are upserted by deterministic ids, so a reload restores edited demo titles and leaves other titles alone. Titles
 * get distinct {@code created_at} values in file order (one every seven hours from a fixed start), so "newest"
 * orderings and the package slicing are stable.
 */
@Component
class DemoCatalog {

    record CatalogFile(List<Genre> genres, List<Title> titles) {}

    record Genre(String name, String slug) {}

    record Title(
            String title,
            String titleType,
            Integer releaseYear,
            Integer durationMinutes,
            String ageRating,
            String countryOfOrigin,
            String language,
            List<String> genres,
            boolean isFeatured,
            Integer stream,
            List<String> moodTags,
            List<String> themeTags,
            String synopsisShort,
            String synopsisLong,
            List<CastMember> cast,
            List<Season> seasons) {}

    record CastMember(String personName, String role, String characterName) {}

    record Season(int seasonNumber, String name, String synopsis, List<Episode> episodes) {}

    record Episode(int episodeNumber, String title, String synopsis, Integer durationMinutes) {}

    private static final Instant FIRST_CREATED = Instant.parse("2025-01-06T09:00:00Z");
    private static final Duration CREATED_STEP = Duration.ofHours(7);

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DemoCatalog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    CatalogFile read() {
        try (InputStream in = new ClassPathResource("demo/catalog.json").getInputStream()) {
            return json.readValue(in, CatalogFile.class);
        } catch (IOException e) {
            throw new IllegalStateException("demo/catalog.json cannot be read", e);
        }
    }

    /** Returns the demo titles' ids, oldest first. */
    @Transactional
    List<UUID> load() {
        CatalogFile file = read();
        for (Genre genre : file.genres()) {
            jdbc.sql("""
                            INSERT INTO genres (id, name, slug) VALUES (:id, :name, :slug)
                            ON CONFLICT (id) DO UPDATE SET name = excluded.name, slug = excluded.slug
                            """)
                    .param("id", DemoIds.of("genre", genre.slug()))
                    .param("name", genre.name())
                    .param("slug", genre.slug())
                    .update();
        }
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < file.titles().size(); i++) {
            ids.add(upsertTitle(file.titles().get(i), i));
        }
        return ids;
    }

    private UUID upsertTitle(Title title, int index) {
        UUID id = DemoIds.of("title", title.title());
        String manifest = DemoStreams.url(title.stream() != null ? title.stream() : index);
        String slug = title.title()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        jdbc.sql("""
                        INSERT INTO titles (id, title, title_type, synopsis_short, synopsis_long, release_year,
                            duration_minutes, age_rating, country_of_origin, language, poster_url, landscape_url,
                            hls_manifest_url, is_featured, mood_tags, theme_tags, created_at)
                        VALUES (:id, :title, :type, :short, :long, :year, :duration, :rating, :country, :language,
                            :poster, :landscape, :manifest, :featured, :moods, :themes, :created)
                        ON CONFLICT (id) DO UPDATE SET title = excluded.title, title_type = excluded.title_type,
                            synopsis_short = excluded.synopsis_short, synopsis_long = excluded.synopsis_long,
                            release_year = excluded.release_year, duration_minutes = excluded.duration_minutes,
                            age_rating = excluded.age_rating, country_of_origin = excluded.country_of_origin,
                            language = excluded.language, poster_url = excluded.poster_url,
                            landscape_url = excluded.landscape_url, hls_manifest_url = excluded.hls_manifest_url,
                            is_featured = excluded.is_featured, mood_tags = excluded.mood_tags,
                            theme_tags = excluded.theme_tags, created_at = excluded.created_at
                        """)
                .param("id", id)
                .param("title", title.title())
                .param("type", title.titleType())
                .param("short", title.synopsisShort())
                .param("long", title.synopsisLong())
                .param("year", title.releaseYear())
                .param("duration", title.durationMinutes())
                .param("rating", title.ageRating())
                .param("country", title.countryOfOrigin())
                .param("language", title.language())
                .param("poster", "https://picsum.photos/seed/" + slug + "/300/450")
                .param("landscape", "https://picsum.photos/seed/" + slug + "/640/360")
                .param("manifest", manifest)
                .param("featured", title.isFeatured())
                .param("moods", title.moodTags().toArray(String[]::new))
                .param("themes", title.themeTags().toArray(String[]::new))
                .param("created", SqlTime.utc(FIRST_CREATED.plus(CREATED_STEP.multipliedBy(index))))
                .update();

        jdbc.sql("DELETE FROM title_genres WHERE title_id = :id")
                .param("id", id)
                .update();
        for (int g = 0; g < title.genres().size(); g++) {
            jdbc.sql("INSERT INTO title_genres (title_id, genre_id, is_primary) VALUES (:title, :genre, :primary)")
                    .param("title", id)
                    .param("genre", DemoIds.of("genre", title.genres().get(g)))
                    .param("primary", g == 0)
                    .update();
        }
        jdbc.sql("DELETE FROM title_cast WHERE title_id = :id").param("id", id).update();
        for (int c = 0; c < title.cast().size(); c++) {
            CastMember member = title.cast().get(c);
            jdbc.sql("""
                            INSERT INTO title_cast (id, title_id, person_name, role, character_name, sort_order)
                            VALUES (:id, :title, :person, :role, :character, :order)
                            """)
                    .param("id", DemoIds.of("cast", title.title(), c))
                    .param("title", id)
                    .param("person", member.personName())
                    .param("role", member.role())
                    .param("character", member.characterName())
                    .param("order", c)
                    .update();
        }
        for (Season season : title.seasons()) {
            UUID seasonId = DemoIds.of("season", title.title(), season.seasonNumber());
            jdbc.sql("""
                            INSERT INTO seasons (id, title_id, season_number, name, synopsis)
                            VALUES (:id, :title, :number, :name, :synopsis)
                            ON CONFLICT (id) DO UPDATE SET season_number = excluded.season_number,
                                name = excluded.name, synopsis = excluded.synopsis
                            """)
                    .param("id", seasonId)
                    .param("title", id)
                    .param("number", season.seasonNumber())
                    .param("name", season.name())
                    .param("synopsis", season.synopsis())
                    .update();
            for (Episode episode : season.episodes()) {
                jdbc.sql("""
                                INSERT INTO episodes (id, season_id, episode_number, title, synopsis, duration_minutes)
                                VALUES (:id, :season, :number, :title, :synopsis, :duration)
                                ON CONFLICT (id) DO UPDATE SET episode_number = excluded.episode_number,
                                    title = excluded.title, synopsis = excluded.synopsis,
                                    duration_minutes = excluded.duration_minutes
                                """)
                        .param(
                                "id",
                                DemoIds.of("episode", title.title(), season.seasonNumber(), episode.episodeNumber()))
                        .param("season", seasonId)
                        .param("number", episode.episodeNumber())
                        .param("title", episode.title())
                        .param("synopsis", episode.synopsis())
                        .param("duration", episode.durationMinutes())
                        .update();
            }
        }
        return id;
    }
}
