package io.marquee.demo;

import io.marquee.platform.sql.SqlTime;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo live-TV guide from {@code demo/channels.json}: 25 channels and, for each channel and UTC day from today
 * −3 to today +3, programmes back to back from midnight to midnight drawn from the channel genre's templates. A day
 * is generated only when the channel has nothing in it yet, with a random sequence seeded by channel and date: the
 * same date always gets the same programmes.
 */
@Component
class DemoGuide {

    static final int DAYS_BACK = 3;
    static final int DAYS_AHEAD = 3;

    record GuideFile(List<Channel> channels, Map<String, List<Programme>> programmes) {}

    record Channel(int channelNumber, String name, String genre, boolean isHd) {}

    record Programme(
            String title, int durationMinutes, String ageRating, String genre, String seriesTitle, String synopsis) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    DemoGuide(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    GuideFile read() {
        try (InputStream in = new ClassPathResource("demo/channels.json").getInputStream()) {
            return json.readValue(in, GuideFile.class);
        } catch (IOException e) {
            throw new IllegalStateException("demo/channels.json cannot be read", e);
        }
    }

    record Loaded(List<UUID> channelIds, int programmesAdded) {}

    /** Upserts the channels (returned by number) and fills the missing days of the window. */
    @Transactional
    Loaded load() {
        GuideFile file = read();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int added = 0;
        List<UUID> channelIds = new ArrayList<>();
        for (Channel channel : file.channels()) {
            UUID channelId = upsertChannel(channel);
            channelIds.add(channelId);
            List<Programme> templates = file.programmes().get(channel.genre());
            for (LocalDate day = today.minusDays(DAYS_BACK);
                    !day.isAfter(today.plusDays(DAYS_AHEAD));
                    day = day.plusDays(1)) {
                if (isEmpty(channelId, day)) {
                    added += fill(channelId, channel.channelNumber(), templates, day);
                }
            }
        }
        return new Loaded(channelIds, added);
    }

    private UUID upsertChannel(Channel channel) {
        UUID id = DemoIds.of("channel", channel.channelNumber());
        jdbc.sql("""
                        INSERT INTO channels (id, name, channel_number, logo_url, genre, is_hd, hls_live_url)
                        VALUES (:id, :name, :number, :logo, :genre, :hd, :live)
                        ON CONFLICT (id) DO UPDATE SET name = excluded.name, channel_number = excluded.channel_number,
                            logo_url = excluded.logo_url, genre = excluded.genre, is_hd = excluded.is_hd,
                            hls_live_url = excluded.hls_live_url
                        """)
                .param("id", id)
                .param("name", channel.name())
                .param("number", channel.channelNumber())
                .param("logo", "https://picsum.photos/seed/ch" + channel.channelNumber() + "/100/100")
                .param("genre", channel.genre())
                .param("hd", channel.isHd())
                .param("live", DemoStreams.url(channel.channelNumber()))
                .update();
        return id;
    }

    private boolean isEmpty(UUID channelId, LocalDate day) {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return jdbc.sql("""
                        SELECT NOT EXISTS (SELECT 1 FROM schedule_entries
                                           WHERE channel_id = :channel AND start_time >= :from AND start_time < :to)
                        """)
                .param("channel", channelId)
                .param("from", SqlTime.utc(start))
                .param("to", SqlTime.utc(start.plus(Duration.ofDays(1))))
                .query(Boolean.class)
                .single();
    }

    private int fill(UUID channelId, int channelNumber, List<Programme> templates, LocalDate day) {
        Random random = new Random(channelNumber * 1_000_003L + day.toEpochDay());
        List<Programme> order = new ArrayList<>(templates);
        Collections.shuffle(order, random);
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = start.plus(Duration.ofDays(1));
        int added = 0;
        for (int i = 0; start.isBefore(end); i++) {
            Programme programme = order.get(i % order.size());
            Instant stop = start.plus(Duration.ofMinutes(programme.durationMinutes()));
            if (stop.isAfter(end)) {
                stop = end;
            }
            boolean isNew = random.nextInt(100) < 20;
            boolean isRepeat = !isNew && random.nextInt(100) < 30;
            boolean episodic = programme.seriesTitle() != null;
            added += jdbc.sql("""
                            INSERT INTO schedule_entries (id, channel_id, title, synopsis, genre, start_time, end_time,
                                age_rating, is_new, is_repeat, series_title, season_number, episode_number)
                            VALUES (:id, :channel, :title, :synopsis, :genre, :start, :end, :rating, :new, :repeat,
                                :series, :season, :episode)
                            ON CONFLICT DO NOTHING
                            """)
                    .param("id", DemoIds.of("programme", channelNumber, start))
                    .param("channel", channelId)
                    .param("title", programme.title())
                    .param("synopsis", programme.synopsis())
                    .param("genre", programme.genre())
                    .param("start", SqlTime.utc(start))
                    .param("end", SqlTime.utc(stop))
                    .param("rating", programme.ageRating())
                    .param("new", isNew)
                    .param("repeat", isRepeat)
                    .param("series", programme.seriesTitle())
                    .param("season", episodic ? 1 + random.nextInt(5) : null)
                    .param("episode", episodic ? 1 + random.nextInt(24) : null)
                    .update();
            start = stop;
        }
        return added;
    }
}
