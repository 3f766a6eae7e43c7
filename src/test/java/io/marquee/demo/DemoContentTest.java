package io.marquee.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks the machine-checkable rules of the demo content in {@code src/main/resources/demo}. */
class DemoContentTest {

    private static final Set<String> MOODS = Set.of(
            "atmospheric",
            "dark",
            "epic",
            "funny",
            "gritty",
            "heartwarming",
            "intense",
            "mysterious",
            "quirky",
            "romantic",
            "suspenseful",
            "thought-provoking",
            "thrilling",
            "uplifting",
            "whimsical");
    private static final Set<String> THEMES = Set.of(
            "betrayal",
            "coming-of-age",
            "corruption",
            "family",
            "friendship",
            "identity",
            "justice",
            "love",
            "nature",
            "power",
            "redemption",
            "survival",
            "technology",
            "war");
    private static final Set<String> RATINGS = Set.of("TV-Y", "TV-G", "TV-PG", "TV-14", "TV-MA");

    private static JsonNode catalog;
    private static JsonNode channels;
    private static List<JsonNode> titles;

    @BeforeAll
    static void load() throws IOException {
        JsonMapper mapper = JsonMapper.builder().build();
        catalog = read(mapper, "/demo/catalog.json");
        channels = read(mapper, "/demo/channels.json");
        titles = list(catalog.get("titles"));
    }

    private static JsonNode read(JsonMapper mapper, String resource) throws IOException {
        try (InputStream in = DemoContentTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return mapper.readTree(in);
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        assertThat(array.isArray()).isTrue();
        return new ArrayList<>(array.values());
    }

    private static String str(JsonNode node, String field) {
        JsonNode value = node.get(field);
        assertThat(value).as(field).isNotNull();
        return value.stringValue();
    }

    private static List<String> strings(JsonNode node, String field) {
        return list(node.get(field)).stream().map(JsonNode::stringValue).toList();
    }

    private static String title(JsonNode t) {
        return str(t, "title");
    }

    private static boolean isSeries(JsonNode t) {
        return str(t, "title_type").equals("series");
    }

    private static <K> Map<K, Long> countBy(List<JsonNode> nodes, Function<JsonNode, K> key) {
        return nodes.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.counting()));
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'-]+"))
                .filter(w -> !w.isBlank())
                .toList();
    }

    private static JsonNode byTitle(String name) {
        return titles.stream()
                .filter(t -> title(t).equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("missing title " + name));
    }

    @Test
    void genresAreThePocTwelve() {
        Map<String, String> genres = new LinkedHashMap<>();
        list(catalog.get("genres")).forEach(g -> genres.put(str(g, "name"), str(g, "slug")));
        assertThat(genres)
                .containsExactly(
                        Map.entry("Action", "action"),
                        Map.entry("Comedy", "comedy"),
                        Map.entry("Drama", "drama"),
                        Map.entry("Thriller", "thriller"),
                        Map.entry("Sci-Fi", "sci-fi"),
                        Map.entry("Horror", "horror"),
                        Map.entry("Romance", "romance"),
                        Map.entry("Documentary", "documentary"),
                        Map.entry("Animation", "animation"),
                        Map.entry("Crime", "crime"),
                        Map.entry("Fantasy", "fantasy"),
                        Map.entry("Family", "family"));
    }

    @Test
    void titleVolumesAndSplits() {
        assertThat(titles).hasSize(70);
        assertThat(countBy(titles, t -> str(t, "title_type")))
                .containsOnly(Map.entry("movie", 38L), Map.entry("series", 32L));
        assertThat(countBy(titles, t -> t.get("genres").get(0).stringValue()))
                .containsOnly(
                        Map.entry("action", 8L),
                        Map.entry("drama", 8L),
                        Map.entry("comedy", 7L),
                        Map.entry("thriller", 6L),
                        Map.entry("sci-fi", 6L),
                        Map.entry("horror", 5L),
                        Map.entry("romance", 5L),
                        Map.entry("documentary", 5L),
                        Map.entry("animation", 5L),
                        Map.entry("crime", 5L),
                        Map.entry("fantasy", 5L),
                        Map.entry("family", 5L));
        assertThat(countBy(titles, t -> str(t, "age_rating")))
                .containsOnly(
                        Map.entry("TV-14", 23L),
                        Map.entry("TV-MA", 19L),
                        Map.entry("TV-PG", 17L),
                        Map.entry("TV-G", 7L),
                        Map.entry("TV-Y", 4L));
        assertThat(titles.stream().map(DemoContentTest::title)).doesNotHaveDuplicates();
    }

    @Test
    void pocTitlesKeepTheirAttributes() {
        assertThat(titles.stream()
                        .filter(t -> t.get("is_featured").booleanValue())
                        .map(DemoContentTest::title))
                .containsExactlyInAnyOrder(
                        "The Dark Signal",
                        "Neighbours from Mars",
                        "The Weight of Water",
                        "Echoes of Tomorrow",
                        "The Algorithm Knows");
        assertThat(titles.stream()
                        .filter(t -> str(t, "age_rating").equals("TV-Y"))
                        .map(DemoContentTest::title))
                .containsExactlyInAnyOrder("Starweaver", "The Lost Robots", "Pepper and Pine", "Paws & Claws Rescue");

        Map<String, Integer> streams = new HashMap<>();
        for (JsonNode t : titles) {
            JsonNode stream = t.get("stream");
            assertThat(stream).as("stream of %s", title(t)).isNotNull();
            if (!stream.isNull()) {
                streams.put(title(t), stream.intValue());
            }
        }
        assertThat(streams)
                .containsOnly(
                        Map.entry("The Dark Signal", 0),
                        Map.entry("Echoes of Tomorrow", 0),
                        Map.entry("Shadow Protocol", 1),
                        Map.entry("The Algorithm Knows", 1),
                        Map.entry("Neighbours from Mars", 2),
                        Map.entry("Starweaver", 2),
                        Map.entry("The Weight of Water", 3),
                        Map.entry("Cold Trail", 3),
                        Map.entry("Glass Houses", 4),
                        Map.entry("The Ember Throne", 4));

        for (String movie : List.of(
                "Beneath the Skin", "Blindside", "Blood Ledger", "Camp Pinecrest", "Iron Frontier", "Last Light")) {
            assertThat(str(byTitle(movie), "title_type")).as(movie).isEqualTo("movie");
        }
        for (String series :
                List.of("Glass Houses", "Crown of Thorns", "Shadow Protocol", "Pepper and Pine", "Vanishing Borders")) {
            assertThat(str(byTitle(series), "title_type")).as(series).isEqualTo("series");
        }
    }

    @Test
    void titleAttributesAreWellFormed() {
        Set<String> slugs =
                list(catalog.get("genres")).stream().map(g -> str(g, "slug")).collect(Collectors.toSet());
        for (JsonNode t : titles) {
            String name = title(t);
            assertThat(name).isNotBlank();
            assertThat(str(t, "title_type")).as(name).isIn("movie", "series");
            assertThat(t.get("release_year").intValue()).as(name).isBetween(2019, 2025);
            assertThat(str(t, "age_rating")).as(name).isIn(RATINGS);
            assertThat(str(t, "country_of_origin")).as(name).matches("[A-Z]{2}");
            assertThat(str(t, "language")).as(name).isEqualTo("en");
            assertThat(t.get("is_featured").isBoolean()).as(name).isTrue();
            if (isSeries(t)) {
                assertThat(t.get("duration_minutes").isNull()).as(name).isTrue();
            } else {
                assertThat(t.get("duration_minutes").intValue()).as(name).isBetween(85, 160);
                assertThat(list(t.get("seasons"))).as(name).isEmpty();
            }
            List<String> genres = strings(t, "genres");
            assertThat(genres).as(name).hasSizeBetween(1, 3).doesNotHaveDuplicates();
            assertThat(slugs).as(name).containsAll(genres);
            assertThat(strings(t, "mood_tags"))
                    .as(name)
                    .hasSize(3)
                    .doesNotHaveDuplicates()
                    .allMatch(MOODS::contains);
            assertThat(strings(t, "theme_tags"))
                    .as(name)
                    .hasSize(3)
                    .doesNotHaveDuplicates()
                    .allMatch(THEMES::contains);
            assertThat(str(t, "synopsis_short").length()).as(name).isBetween(120, 220);
            assertThat(words(str(t, "synopsis_long"))).as(name).hasSizeBetween(60, 120);
        }
        assertThat(countBy(titles, t -> str(t, "country_of_origin")).get("US")).isGreaterThan(titles.size() / 3);
    }

    @Test
    void streamsAreUsedTwiceEach() {
        assertThat(countBy(
                        titles.stream().filter(t -> !t.get("stream").isNull()).toList(),
                        t -> t.get("stream").intValue()))
                .containsOnly(Map.entry(0, 2L), Map.entry(1, 2L), Map.entry(2, 2L), Map.entry(3, 2L), Map.entry(4, 2L));
    }

    @Test
    void castHasTheRightShapeAndReusesAPool() {
        Map<String, Set<String>> actorTitles = new HashMap<>();
        Set<String> directors = new HashSet<>();
        Set<String> writers = new HashSet<>();
        for (JsonNode t : titles) {
            String name = title(t);
            List<JsonNode> cast = list(t.get("cast"));
            Map<String, Long> byRole = countBy(cast, c -> str(c, "role"));
            assertThat(byRole.keySet()).as(name).isSubsetOf("actor", "director", "writer");
            assertThat(byRole.getOrDefault("actor", 0L)).as(name).isBetween(2L, 4L);
            assertThat(byRole.get("director")).as(name).isEqualTo(1L);
            assertThat(byRole.getOrDefault("writer", 0L)).as(name).isBetween(0L, 1L);
            assertThat(cast.stream().map(c -> str(c, "person_name") + "/" + str(c, "role")))
                    .as(name)
                    .doesNotHaveDuplicates();
            for (JsonNode c : cast) {
                String person = str(c, "person_name");
                assertThat(person).as(name).isNotBlank();
                switch (str(c, "role")) {
                    case "actor" -> {
                        assertThat(str(c, "character_name")).as(name).isNotBlank();
                        actorTitles
                                .computeIfAbsent(person, k -> new HashSet<>())
                                .add(name);
                    }
                    case "director" -> {
                        assertThat(c.get("character_name").isNull()).as(name).isTrue();
                        directors.add(person);
                    }
                    default -> {
                        assertThat(c.get("character_name").isNull()).as(name).isTrue();
                        writers.add(person);
                    }
                }
            }
        }
        assertThat(actorTitles).hasSizeBetween(35, 45);
        assertThat(actorTitles.values()).allMatch(ts -> ts.size() >= 2);
        assertThat(directors).hasSizeBetween(10, 14);
        assertThat(writers).hasSizeBetween(10, 14);
        assertThat(Set.copyOf(actorTitles.keySet())).doesNotContainAnyElementsOf(directors);
    }

    @Test
    void seasonsAndEpisodesAreNumberedAndSized() {
        int episodes = 0;
        for (JsonNode t : titles.stream().filter(DemoContentTest::isSeries).toList()) {
            String name = title(t);
            List<JsonNode> seasons = list(t.get("seasons"));
            assertThat(seasons).as(name).hasSizeBetween(1, 3);
            assertThat(seasons.stream().map(s -> s.get("season_number").intValue()))
                    .as(name)
                    .containsExactlyElementsOf(
                            IntStream.rangeClosed(1, seasons.size()).boxed().toList());
            List<String> episodeTitles = new ArrayList<>();
            for (JsonNode s : seasons) {
                int number = s.get("season_number").intValue();
                assertThat(str(s, "name")).isEqualTo("Season " + number);
                assertThat(str(s, "synopsis").length())
                        .as("%s S%d", name, number)
                        .isBetween(40, 300);
                List<JsonNode> eps = list(s.get("episodes"));
                assertThat(eps).as("%s S%d", name, number).hasSizeBetween(6, 10);
                assertThat(eps.stream().map(e -> e.get("episode_number").intValue()))
                        .as("%s S%d", name, number)
                        .containsExactlyElementsOf(
                                IntStream.rangeClosed(1, eps.size()).boxed().toList());
                for (JsonNode e : eps) {
                    String label = "%s S%dE%d"
                            .formatted(name, number, e.get("episode_number").intValue());
                    assertThat(str(e, "title")).as(label).isNotBlank();
                    assertThat(str(e, "synopsis").length()).as(label).isBetween(40, 300);
                    assertThat(e.get("duration_minutes").intValue()).as(label).isBetween(22, 60);
                    episodeTitles.add(str(e, "title"));
                }
                episodes += eps.size();
            }
            assertThat(episodeTitles).as(name).doesNotHaveDuplicates();
        }
        assertThat(episodes).isBetween(550, 600);
    }

    @Test
    void everySynopsisIsUnique() {
        List<String> all = new ArrayList<>();
        for (JsonNode t : titles) {
            all.add(str(t, "synopsis_short"));
            all.add(str(t, "synopsis_long"));
            for (JsonNode s : list(t.get("seasons"))) {
                all.add(str(s, "synopsis"));
                list(s.get("episodes")).forEach(e -> all.add(str(e, "synopsis")));
            }
        }
        programmes().forEach(p -> all.add(str(p, "synopsis")));
        assertThat(all).allMatch(s -> !s.isBlank()).doesNotHaveDuplicates();
    }

    @Test
    void titleSynopsesDoNotShareTheirOpening() {
        List<String> openings = new ArrayList<>();
        for (JsonNode t : titles) {
            for (String field : List.of("synopsis_short", "synopsis_long")) {
                List<String> w = words(str(t, field));
                assertThat(w).hasSizeGreaterThanOrEqualTo(5);
                openings.add(String.join(" ", w.subList(0, 5)));
            }
        }
        assertThat(openings).doesNotHaveDuplicates();
    }

    @Test
    void channelsAreThePocTwentyFive() {
        List<String> expected = List.of(
                "OTT One/entertainment",
                "OTT Two/entertainment",
                "OTT Drama/entertainment",
                "OTT Comedy/entertainment",
                "OTT Gold/entertainment",
                "OTT News/news",
                "OTT News 24/news",
                "World News Network/news",
                "OTT Sports/sports",
                "OTT Sports 2/sports",
                "Sports Extra/sports",
                "Sports Arena/sports",
                "OTT Cinema/movies",
                "Movie Classics/movies",
                "Indie Films/movies",
                "KidsZone/kids",
                "Cartoon World/kids",
                "Family Fun/kids",
                "Discovery OTT/documentary",
                "Nature Channel/documentary",
                "History Today/documentary",
                "Music Hits/music",
                "Music Live/music",
                "Food & Travel/lifestyle",
                "Home & Garden/lifestyle");
        List<JsonNode> list = list(channels.get("channels"));
        assertThat(list.stream().map(c -> c.get("channel_number").intValue()))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 25).boxed().toList());
        assertThat(list.stream().map(c -> str(c, "name") + "/" + str(c, "genre")))
                .containsExactlyElementsOf(expected);
        for (JsonNode c : list) {
            assertThat(c.get("is_hd").booleanValue())
                    .as(str(c, "name"))
                    .isEqualTo(c.get("channel_number").intValue() <= 21);
        }
    }

    private static List<JsonNode> programmes() {
        List<JsonNode> all = new ArrayList<>();
        channels.get("programmes").values().forEach(group -> all.addAll(list(group)));
        return all;
    }

    @Test
    void programmeTemplatesPerGenre() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        channels.get("programmes")
                .properties()
                .forEach(e -> counts.put(e.getKey(), e.getValue().size()));
        assertThat(counts)
                .containsOnly(
                        Map.entry("entertainment", 17),
                        Map.entry("news", 15),
                        Map.entry("sports", 15),
                        Map.entry("movies", 14),
                        Map.entry("kids", 14),
                        Map.entry("documentary", 14),
                        Map.entry("music", 13),
                        Map.entry("lifestyle", 14));

        List<JsonNode> all = programmes();
        for (JsonNode p : all) {
            String name = str(p, "title");
            assertThat(name).isNotBlank();
            assertThat(p.get("duration_minutes").intValue()).as(name).isIn(30, 60, 90, 120, 150);
            assertThat(str(p, "age_rating")).as(name).isIn(RATINGS);
            assertThat(str(p, "genre")).as(name).matches("[a-z][a-z-]*");
            assertThat(str(p, "synopsis").length()).as(name).isBetween(40, 300);
            JsonNode seriesTitle = p.get("series_title");
            assertThat(seriesTitle).as(name).isNotNull();
            assertThat(seriesTitle.isNull() || !seriesTitle.stringValue().isBlank())
                    .as(name)
                    .isTrue();
        }
        assertThat(all.stream().map(p -> str(p, "title"))).doesNotHaveDuplicates();
        assertThat(all.stream().filter(p -> p.get("series_title").isNull())).isNotEmpty();
        assertThat(all.stream().filter(p -> !p.get("series_title").isNull())).isNotEmpty();
        assertThat(list(channels.get("programmes").get("kids")))
                .allSatisfy(p -> assertThat(str(p, "age_rating")).isIn("TV-Y", "TV-G"));
        List<String> names = all.stream().map(p -> str(p, "title")).toList();
        assertThat(names).anyMatch(n -> n.contains("'"));
        assertThat(names).anyMatch(n -> n.contains("%"));
        assertThat(names).anyMatch(n -> n.contains("_"));
    }
}
