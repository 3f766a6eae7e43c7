package io.marquee.identity.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code profiles}. */
@Repository
class Profiles {

    record Profile(UUID id, UUID userId, String name, String avatarUrl, String parentalRating, boolean isKids) {}

    private static final String COLUMNS = "id, user_id, name, avatar_url, parental_rating, is_kids";

    private final JdbcClient jdbc;

    Profiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Profile> ofUser(UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM profiles WHERE user_id = :user ORDER BY created_at, id")
                .param("user", userId)
                .query(Profile.class)
                .list();
    }

    int countOfUser(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM profiles WHERE user_id = :user")
                .param("user", userId)
                .query(Integer.class)
                .single();
    }

    Optional<UUID> ownerOf(UUID profileId) {
        return jdbc.sql("SELECT user_id FROM profiles WHERE id = :id")
                .param("id", profileId)
                .query(UUID.class)
                .optional();
    }

    Optional<Profile> find(UUID profileId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM profiles WHERE id = :id")
                .param("id", profileId)
                .query(Profile.class)
                .optional();
    }

    Profile insert(UUID userId, String name, String avatarUrl, String parentalRating, boolean isKids) {
        return jdbc.sql("""
                        INSERT INTO profiles (user_id, name, avatar_url, parental_rating, is_kids)
                        VALUES (:user, :name, :avatar, :rating, :kids)
                        RETURNING\s""" + COLUMNS)
                .param("user", userId)
                .param("name", name)
                .param("avatar", avatarUrl)
                .param("rating", parentalRating)
                .param("kids", isKids)
                .query(Profile.class)
                .single();
    }

    Profile update(Profile profile) {
        return jdbc.sql("""
                        UPDATE profiles SET name = :name, avatar_url = :avatar, parental_rating = :rating, is_kids = :kids
                        WHERE id = :id
                        RETURNING\s""" + COLUMNS)
                .param("id", profile.id())
                .param("name", profile.name())
                .param("avatar", profile.avatarUrl())
                .param("rating", profile.parentalRating())
                .param("kids", profile.isKids())
                .query(Profile.class)
                .single();
    }

    void delete(UUID profileId) {
        jdbc.sql("DELETE FROM profiles WHERE id = :id").param("id", profileId).update();
    }
}
