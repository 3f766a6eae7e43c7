package io.marquee.epg.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code channels} and {@code channel_favorites}. */
@Repository
class Channels {

    record Channel(
            UUID id,
            String name,
            int channelNumber,
            String logoUrl,
            String genre,
            boolean isHd,
            String hlsLiveUrl,
            Instant createdAt) {}

    /** The editable fields of a channel, all present. */
    record ChannelFields(
            String name, int channelNumber, String logoUrl, String genre, boolean isHd, String hlsLiveUrl) {}

    private static final String COLUMNS = "id, name, channel_number, logo_url, genre, is_hd, hls_live_url, created_at";

    private final JdbcClient jdbc;

    Channels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Channel> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM channels ORDER BY channel_number")
                .query(Channel.class)
                .list();
    }

    /** The channels among {@code ids} that exist, by channel number. */
    List<Channel> byIds(Collection<UUID> ids) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM channels WHERE id = ANY(:ids) ORDER BY channel_number")
                .param("ids", ids.toArray(UUID[]::new))
                .query(Channel.class)
                .list();
    }

    Optional<Channel> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM channels WHERE id = :id")
                .param("id", id)
                .query(Channel.class)
                .optional();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM channels").query(Long.class).single();
    }

    Channel insert(ChannelFields fields) {
        return jdbc.sql("""
                        INSERT INTO channels (name, channel_number, logo_url, genre, is_hd, hls_live_url)
                        VALUES (:name, :number, :logo, :genre, :hd, :live)
                        RETURNING\s""" + COLUMNS)
                .params(params(fields))
                .query(Channel.class)
                .single();
    }

    Optional<Channel> update(UUID id, ChannelFields fields) {
        return jdbc.sql("""
                        UPDATE channels
                        SET name = :name, channel_number = :number, logo_url = :logo, genre = :genre, is_hd = :hd,
                            hls_live_url = :live
                        WHERE id = :id
                        RETURNING\s""" + COLUMNS)
                .params(params(fields))
                .param("id", id)
                .query(Channel.class)
                .optional();
    }

    /** The row, locked until the end of the transaction. */
    Optional<Channel> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM channels WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Channel.class)
                .optional();
    }

    boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM channels WHERE id = :id").param("id", id).update() == 1;
    }

    Set<UUID> favouritesOf(UUID profileId) {
        return new HashSet<>(jdbc.sql("SELECT channel_id FROM channel_favorites WHERE profile_id = :profile")
                .param("profile", profileId)
                .query(UUID.class)
                .list());
    }

    /** Adds the favourite unless it is there; false when the channel does not exist. */
    boolean addFavourite(UUID profileId, UUID channelId) {
        return jdbc.sql("""
                        WITH channel AS (SELECT id FROM channels WHERE id = :channel),
                             added AS (
                                 INSERT INTO channel_favorites (profile_id, channel_id)
                                 SELECT :profile, id FROM channel
                                 ON CONFLICT DO NOTHING)
                        SELECT count(*) FROM channel
                        """)
                        .param("channel", channelId)
                        .param("profile", profileId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void removeFavourite(UUID profileId, UUID channelId) {
        jdbc.sql("DELETE FROM channel_favorites WHERE profile_id = :profile AND channel_id = :channel")
                .param("profile", profileId)
                .param("channel", channelId)
                .update();
    }

    private static Map<String, Object> params(ChannelFields fields) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", fields.name());
        params.put("number", fields.channelNumber());
        params.put("logo", fields.logoUrl());
        params.put("genre", fields.genre());
        params.put("hd", fields.isHd());
        params.put("live", fields.hlsLiveUrl());
        return params;
    }
}
