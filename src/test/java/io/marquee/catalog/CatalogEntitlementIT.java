package io.marquee.catalog;

import static io.marquee.catalog.CatalogFixtures.CATALOG;
import static io.marquee.catalog.CatalogFixtures.items;
import static org.assertj.core.api.Assertions.assertThat;

import io.marquee.entitlement.ContentKind;
import io.marquee.entitlement.PlayableContent;
import io.marquee.entitlement.PlayableContentResolver;
import io.marquee.identity.AgeRating;
import io.marquee.support.IntegrationTest;
import io.marquee.support.TestAccounts;
import io.marquee.support.TestAccounts.Account;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** {@code entitled} and the manifest URLs, for the signed-in user, on every list and detail. */
@IntegrationTest
class CatalogEntitlementIT {

    static final String MOVIE_STREAM = "https://streams.example.com/movie.m3u8";
    static final String SERIES_STREAM = "https://streams.example.com/series.m3u8";
    static final String EPISODE_STREAM = "https://streams.example.com/episode-2.m3u8";

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<PlayableContentResolver> resolvers;

    @Autowired
    TitleCards cards;

    CatalogFixtures catalog;
    CatalogFixtures.Genre genre;
    String word;
    UUID ownedMovie;
    UUID otherMovie;
    UUID purchasedMovie;
    UUID ownedSeries;
    UUID otherSeries;
    UUID firstEpisode;
    UUID secondEpisode;
    UUID otherEpisode;

    @BeforeEach
    void setUp() {
        catalog = new CatalogFixtures(http, jdbc);
        genre = catalog.genre();
        word = CatalogFixtures.word();
        ownedMovie = title("Owned", "movie", true);
        otherMovie = title("Other", "movie", true);
        purchasedMovie = title("Purchased", "movie", false);
        ownedSeries = title("Owned Series", "series", false);
        otherSeries = title("Other Series", "series", false);
        UUID season = catalog.season(ownedSeries, 1);
        firstEpisode = catalog.episode(season, 1, Map.of());
        secondEpisode = catalog.episode(season, 2, Map.of("hls_manifest_url", EPISODE_STREAM));
        otherEpisode = catalog.episode(catalog.season(otherSeries, 1), 1, Map.of());
    }

    private UUID title(String name, String type, boolean featured) {
        return catalog.title(
                word + " " + name,
                Map.of(
                        "title_type",
                        type,
                        "genre_ids",
                        List.of(genre.id()),
                        "is_featured",
                        featured,
                        "hls_manifest_url",
                        type.equals("movie") ? MOVIE_STREAM : SERIES_STREAM));
    }

    /** An account granted a package with the owned movie and series, and the purchased movie singly. */
    private Account subscriber() {
        Account account = TestAccounts.register(http);
        catalog.grantPackage(account.id(), ownedMovie, ownedSeries);
        catalog.grantTitle(account.id(), purchasedMovie);
        return account;
    }

    @Test
    void listsMarkWhatTheCallerMayPlayAndShowOnlyThoseStreams() {
        Account subscriber = subscriber();
        Map<String, Map<String, Object>> byId =
                byId(items(catalog.getOk(subscriber, CATALOG + "/titles?genre={g}&page_size=100", genre.slug())));
        assertThat(byId).hasSize(5);
        assertEntitled(byId.get(ownedMovie.toString()), MOVIE_STREAM);
        assertEntitled(byId.get(purchasedMovie.toString()), MOVIE_STREAM);
        assertEntitled(byId.get(ownedSeries.toString()), SERIES_STREAM);
        assertNotEntitled(byId.get(otherMovie.toString()));
        assertNotEntitled(byId.get(otherSeries.toString()));

        Map<String, Map<String, Object>> searched =
                byId(items(catalog.getOk(subscriber, CATALOG + "/search?q={q}&page_size=100", word)));
        assertEntitled(searched.get(ownedMovie.toString()), MOVIE_STREAM);
        assertNotEntitled(searched.get(otherMovie.toString()));

        Map<String, Map<String, Object>> featured = byId(items(catalog.getOk(subscriber, CATALOG + "/featured")));
        assertEntitled(featured.get(ownedMovie.toString()), MOVIE_STREAM);
        assertNotEntitled(featured.get(otherMovie.toString()));

        Account nobody = TestAccounts.register(http);
        Map<String, Map<String, Object>> forNobody =
                byId(items(catalog.getOk(nobody, CATALOG + "/titles?genre={g}&page_size=100", genre.slug())));
        forNobody.values().forEach(CatalogEntitlementIT::assertNotEntitled);
        assertNotEntitled(
                byId(items(catalog.getOk(nobody, CATALOG + "/featured"))).get(ownedMovie.toString()));
    }

    @Test
    void detailsShowStreamsOnlyWhenEntitled() {
        Account subscriber = subscriber();
        assertEntitled(catalog.getOk(subscriber, CATALOG + "/titles/{id}", ownedMovie), MOVIE_STREAM);
        assertNotEntitled(catalog.getOk(subscriber, CATALOG + "/titles/{id}", otherMovie));

        Map<String, Object> series = catalog.getOk(subscriber, CATALOG + "/titles/{id}", ownedSeries);
        assertEntitled(series, SERIES_STREAM);
        assertThat(episodes(series))
                .extracting(e -> e.get("hls_manifest_url"))
                .containsExactly(SERIES_STREAM, EPISODE_STREAM);

        Map<String, Object> other = catalog.getOk(subscriber, CATALOG + "/titles/{id}", otherSeries);
        assertNotEntitled(other);
        assertThat(episodes(other)).extracting(e -> e.get("hls_manifest_url")).containsOnlyNulls();
    }

    @Test
    void anEpisodeIsEntitledThroughItsSeries() {
        Account subscriber = subscriber();
        assertEntitled(catalog.getOk(subscriber, CATALOG + "/episodes/{id}", firstEpisode), SERIES_STREAM);
        assertEntitled(catalog.getOk(subscriber, CATALOG + "/episodes/{id}", secondEpisode), EPISODE_STREAM);
        assertNotEntitled(catalog.getOk(subscriber, CATALOG + "/episodes/{id}", otherEpisode));
    }

    @Test
    void playbackResolvesMoviesAsThemselvesAndEpisodesThroughTheirSeries() {
        PlayableContentResolver resolver = resolvers.stream()
                .filter(r -> r.kinds().contains(ContentKind.MOVIE))
                .findFirst()
                .orElseThrow();
        assertThat(resolver.kinds()).containsExactlyInAnyOrder(ContentKind.MOVIE, ContentKind.EPISODE);

        assertThat(resolver.resolve(ContentKind.MOVIE, ownedMovie))
                .contains(new PlayableContent(ContentKind.MOVIE, ownedMovie, ownedMovie, MOVIE_STREAM));
        assertThat(resolver.resolve(ContentKind.MOVIE, ownedSeries)).isEmpty();
        assertThat(resolver.resolve(ContentKind.MOVIE, UUID.randomUUID())).isEmpty();
        assertThat(resolver.resolve(ContentKind.EPISODE, firstEpisode))
                .contains(new PlayableContent(ContentKind.EPISODE, firstEpisode, ownedSeries, SERIES_STREAM));
        assertThat(resolver.resolve(ContentKind.EPISODE, secondEpisode))
                .contains(new PlayableContent(ContentKind.EPISODE, secondEpisode, ownedSeries, EPISODE_STREAM));
        assertThat(resolver.resolve(ContentKind.EPISODE, ownedMovie)).isEmpty();
        assertThat(resolver.resolve(ContentKind.CHANNEL, ownedMovie)).isEqualTo(Optional.empty());
    }

    @Test
    void titleCardsRenderChosenTitlesInTheGivenOrderForTheUser() {
        Account subscriber = subscriber();
        List<TitleCard> rendered =
                cards.of(subscriber.id(), List.of(otherMovie, UUID.randomUUID(), ownedMovie, otherMovie), null);
        assertThat(rendered).extracting(TitleCard::id).containsExactly(otherMovie, ownedMovie);
        assertThat(rendered.get(0).entitled()).isFalse();
        assertThat(rendered.get(0).hlsManifestUrl()).isNull();
        assertThat(rendered.get(1).entitled()).isTrue();
        assertThat(rendered.get(1).hlsManifestUrl()).isEqualTo(MOVIE_STREAM);
        assertThat(rendered.get(1).genres()).containsExactly(genre.name());
        assertThat(cards.of(subscriber.id(), List.of(ownedMovie), AgeRating.TV_PG))
                .isEmpty();
        assertThat(cards.of(subscriber.id(), List.of(), null)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> episodes(Map<String, Object> series) {
        List<Map<String, Object>> seasons = (List<Map<String, Object>>) series.get("seasons");
        return (List<Map<String, Object>>) seasons.get(0).get("episodes");
    }

    private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> items) {
        return items.stream().collect(Collectors.toMap(item -> (String) item.get("id"), Function.identity()));
    }

    private static void assertEntitled(Map<String, Object> item, String manifest) {
        assertThat(item).containsEntry("entitled", true).containsEntry("hls_manifest_url", manifest);
    }

    private static void assertNotEntitled(Map<String, Object> item) {
        assertThat(item).containsEntry("entitled", false).containsEntry("hls_manifest_url", null);
    }
}
