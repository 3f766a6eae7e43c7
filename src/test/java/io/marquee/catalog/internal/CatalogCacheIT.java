package io.marquee.catalog.internal;

import static io.marquee.catalog.CatalogFixtures.ADMIN;
import static io.marquee.catalog.CatalogFixtures.CATALOG;
import static io.marquee.catalog.CatalogFixtures.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.catalog.CatalogFixtures;
import io.marquee.platform.cache.CacheSettings;
import io.marquee.support.IntegrationTest;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Genres and featured titles are served from Redis, refilled by the warming job, and evicted by admin writes: a change
 * made behind the cache's back (plain SQL) stays unseen until the job runs, one made through the admin API shows at
 * once.
 */
@IntegrationTest
class CatalogCacheIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    CacheSettings cacheSettings;

    @Autowired
    CatalogCacheWarming warming;

    CatalogFixtures catalog;
    Account viewer;

    @BeforeEach
    void setUp() {
        catalog = new CatalogFixtures(http, jdbc);
        viewer = TestAccounts.register(http);
    }

    @Test
    void featuredShowsANewlyFeaturedTitleAtOnce() {
        catalog.getOk(viewer, CATALOG + "/featured");
        String word = CatalogFixtures.word();
        UUID older = catalog.title(word + " Older", Map.of("is_featured", true));
        UUID newer = catalog.title(word + " Newer", Map.of("is_featured", true));
        assertThat(field(catalog.getOk(viewer, CATALOG + "/featured"), "id"))
                .startsWith(newer.toString(), older.toString());

        feature(newer, false);
        assertThat(field(catalog.getOk(viewer, CATALOG + "/featured"), "id"))
                .doesNotContain(newer.toString())
                .first()
                .isEqualTo(older.toString());
        feature(newer, true);
        assertThat(field(catalog.getOk(viewer, CATALOG + "/featured"), "id"))
                .first()
                .isEqualTo(newer.toString());

        catalog.adminDelete(ADMIN + "/titles/{id}", newer).expectStatus().isNoContent();
        assertThat(field(catalog.getOk(viewer, CATALOG + "/featured"), "id")).doesNotContain(newer.toString());
    }

    @Test
    void cachedListsIgnoreChangesBehindTheirBackUntilTheWarmingJobRuns() {
        catalog.getOk(viewer, CATALOG + "/genres");
        catalog.getOk(viewer, CATALOG + "/featured");
        String word = CatalogFixtures.word();
        UUID genre = jdbc.sql("INSERT INTO genres (name, slug) VALUES (:name, :slug) RETURNING id")
                .param("name", "Sneaky " + word)
                .param("slug", "sneaky-" + word)
                .query(UUID.class)
                .single();
        UUID title =
                jdbc.sql("""
                        INSERT INTO titles (title, title_type, is_featured, created_at)
                        VALUES (:title, 'movie', true, now() + interval '1 day') RETURNING id
                        """).param("title", "Sneaky " + word).query(UUID.class).single();

        assertThat(field(catalog.getOk(viewer, CATALOG + "/genres"), "id")).doesNotContain(genre.toString());
        assertThat(field(catalog.getOk(viewer, CATALOG + "/featured"), "id")).doesNotContain(title.toString());

        warming.run();
        assertThat(field(catalog.getOk(viewer, CATALOG + "/genres"), "id")).contains(genre.toString());
        assertThat(field(catalog.getOk(viewer, CATALOG + "/featured"), "id"))
                .first()
                .isEqualTo(title.toString());
        UUID toddler = catalog.profile(viewer, "TV-Y");
        assertThat(field(catalog.getOk(viewer, CATALOG + "/featured?profile_id={p}", toddler), "id"))
                .doesNotContain(title.toString());

        jdbc.sql("DELETE FROM titles WHERE id = :id").param("id", title).update();
        warming.run();
    }

    @Test
    void entriesLiveInRedisWithTheirConfiguredTimeToLive() {
        warming.run();
        String prefix = cacheSettings.keyPrefix();
        assertThat(redis.getExpire(prefix + "genres::all")).isBetween(3500L, 3600L);
        for (String rating : new String[] {"TV-Y", "TV-G", "TV-PG", "TV-14", "TV-MA"}) {
            assertThat(redis.getExpire(prefix + "featured::" + rating)).isBetween(200L, 300L);
        }
    }

    private void feature(UUID title, boolean featured) {
        catalog.adminCall(http.patch().uri(ADMIN + "/titles/{id}", title), Map.of("is_featured", featured))
                .expectStatus()
                .isOk();
    }
}
