package io.marquee.catalog.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.marquee.catalog.CatalogContent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link CatalogContent}: content by id, and next episodes for a whole list in one query. */
@Component
class CatalogContentReads implements CatalogContent {

    private final JdbcClient jdbc;
    private final Cache<UUID, Content> contents;

    CatalogContentReads(JdbcClient jdbc, CatalogSettings settings) {
        this.jdbc = jdbc;
        this.contents = Caffeine.newBuilder()
                .expireAfterWrite(settings.contentCacheTtl())
                .maximumSize(100_000)
                .build();
    }

    /**
     * Cached in process (every heartbeat asks): what an id is changes only when an admin edits or removes catalog
     * content, which clears the cache of this instance once committed ({@link #forgetAll}); other instances follow
     * within {@code marquee.catalog.content-cache-ttl}. Unknown ids are not cached, so new content is found at once.
     */
    @Override
    public Optional<Content> find(UUID contentId) {
        Content cached = contents.getIfPresent(contentId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Content> found = query(contentId);
        found.ifPresent(content -> contents.put(contentId, content));
        return found;
    }

    void forgetAll() {
        contents.invalidateAll();
    }

    private Optional<Content> query(UUID contentId) {
        return jdbc.sql("""
                        SELECT id, title_type AS kind, id AS title_id FROM titles WHERE id = :id
                        UNION ALL
                        SELECT e.id, 'episode', s.title_id
                        FROM episodes e JOIN seasons s ON s.id = e.season_id
                        WHERE e.id = :id
                        """)
                .param("id", contentId)
                .query((rs, n) -> new Content(
                        rs.getObject("id", UUID.class),
                        Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                        rs.getObject("title_id", UUID.class)))
                .optional();
    }

    @Override
    public Map<UUID, Episode> episodes(Collection<UUID> episodeIds, Collection<UUID> skipped) {
        if (episodeIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("""
                        SELECT e.id, s.title_id, s.season_number, e.episode_number, e.title,
                               n.id AS next_id, n.season_number AS next_season, n.episode_number AS next_number,
                               n.title AS next_title
                        FROM episodes e
                        JOIN seasons s ON s.id = e.season_id
                        LEFT JOIN LATERAL (
                            SELECT e2.id, s2.season_number, e2.episode_number, e2.title
                            FROM seasons s2
                            JOIN episodes e2 ON e2.season_id = s2.id
                            WHERE s2.title_id = s.title_id
                              AND (s2.season_number, e2.episode_number) > (s.season_number, e.episode_number)
                              AND e2.id <> ALL(:skipped)
                            ORDER BY s2.season_number, e2.episode_number
                            LIMIT 1
                        ) n ON true
                        WHERE e.id = ANY(:ids)
                        """)
                .param("ids", episodeIds.toArray(UUID[]::new))
                .param("skipped", skipped.toArray(UUID[]::new))
                .query((rs, n) -> {
                    UUID nextId = rs.getObject("next_id", UUID.class);
                    return new Episode(
                            rs.getObject("id", UUID.class),
                            rs.getObject("title_id", UUID.class),
                            rs.getInt("season_number"),
                            rs.getInt("episode_number"),
                            rs.getString("title"),
                            nextId == null
                                    ? null
                                    : new EpisodeRef(
                                            nextId,
                                            rs.getInt("next_season"),
                                            rs.getInt("next_number"),
                                            rs.getString("next_title")));
                })
                .list()
                .stream()
                .collect(Collectors.toMap(Episode::id, Function.identity()));
    }
}
