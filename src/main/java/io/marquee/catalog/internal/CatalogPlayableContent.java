package io.marquee.catalog.internal;

import io.marquee.entitlement.ContentKind;
import io.marquee.entitlement.PlayableContent;
import io.marquee.entitlement.PlayableContentResolver;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Movies and episodes for playback: a movie is granted as itself, an episode through its series, and plays its own
 * stream or else its series'.
 */
@Component
class CatalogPlayableContent implements PlayableContentResolver {

    private final JdbcClient jdbc;

    CatalogPlayableContent(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<ContentKind> kinds() {
        return Set.of(ContentKind.MOVIE, ContentKind.EPISODE);
    }

    @Override
    public Optional<PlayableContent> resolve(ContentKind kind, UUID contentId) {
        return switch (kind) {
            case MOVIE ->
                jdbc.sql("SELECT hls_manifest_url FROM titles WHERE id = :id AND title_type = 'movie'")
                        .param("id", contentId)
                        .query((rs, n) -> new PlayableContent(
                                ContentKind.MOVIE, contentId, contentId, rs.getString("hls_manifest_url")))
                        .optional();
            case EPISODE ->
                jdbc.sql("""
                            SELECT s.title_id, coalesce(e.hls_manifest_url, t.hls_manifest_url) AS manifest_url
                            FROM episodes e
                            JOIN seasons s ON s.id = e.season_id
                            JOIN titles t ON t.id = s.title_id
                            WHERE e.id = :id
                            """)
                        .param("id", contentId)
                        .query((rs, n) -> new PlayableContent(
                                ContentKind.EPISODE,
                                contentId,
                                rs.getObject("title_id", UUID.class),
                                rs.getString("manifest_url")))
                        .optional();
            case CHANNEL -> Optional.empty();
        };
    }
}
