package io.marquee.identity.internal;

import io.marquee.platform.sql.SqlTime;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code refresh_tokens}; tokens are looked up by the SHA-256 of their value, never stored in clear. */
@Repository
class RefreshTokenRows {

    /** The row a presented token matched, whatever its state. */
    record Row(
            UUID userId,
            UUID familyId,
            Instant expiresAt,
            Instant familyExpiresAt,
            Instant rotatedAt,
            Instant revokedAt) {}

    private final JdbcClient jdbc;

    RefreshTokenRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID userId, UUID familyId, byte[] hash, Instant now, Instant expiresAt, Instant familyExpiresAt) {
        jdbc.sql("""
                        INSERT INTO refresh_tokens (user_id, family_id, token_hash, created_at, expires_at, family_expires_at)
                        VALUES (:user, :family, :hash, :now, :expires, :familyExpires)
                        """)
                .param("user", userId)
                .param("family", familyId)
                .param("hash", hash)
                .param("now", SqlTime.utc(now))
                .param("expires", SqlTime.utc(expiresAt))
                .param("familyExpires", SqlTime.utc(familyExpiresAt))
                .update();
    }

    /**
     * Marks a live token as used and returns it. Of two concurrent calls with the same token only one gets the row:
     * the other waits for the row lock, re-checks {@code rotated_at} and finds it set.
     */
    Optional<Row> rotate(byte[] hash, Instant now) {
        return jdbc.sql("""
                        UPDATE refresh_tokens SET rotated_at = :now
                        WHERE token_hash = :hash AND rotated_at IS NULL AND revoked_at IS NULL
                          AND expires_at > :now AND family_expires_at > :now
                        RETURNING user_id, family_id, expires_at, family_expires_at, rotated_at, revoked_at
                        """)
                .param("hash", hash)
                .param("now", SqlTime.utc(now))
                .query(Row.class)
                .optional();
    }

    Optional<Row> find(byte[] hash) {
        return jdbc.sql("""
                        SELECT user_id, family_id, expires_at, family_expires_at, rotated_at, revoked_at
                        FROM refresh_tokens WHERE token_hash = :hash
                        """).param("hash", hash).query(Row.class).optional();
    }

    int revokeFamily(UUID familyId, Instant now) {
        return jdbc.sql("UPDATE refresh_tokens SET revoked_at = :now WHERE family_id = :family AND revoked_at IS NULL")
                .param("family", familyId)
                .param("now", SqlTime.utc(now))
                .update();
    }

    int revokeAllOfUser(UUID userId, Instant now) {
        return jdbc.sql("UPDATE refresh_tokens SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
                .param("user", userId)
                .param("now", SqlTime.utc(now))
                .update();
    }

    /**
     * Deletes rows that can no longer be used nor tell a replay apart: revoked ones, those of ended sign-ins, and
     * unused tokens past their idle expiry. Rotated tokens of a live sign-in stay so that a replay still revokes it.
     */
    int deleteDead(Instant now) {
        return jdbc.sql("""
                        DELETE FROM refresh_tokens
                        WHERE revoked_at IS NOT NULL OR family_expires_at <= :now
                           OR (rotated_at IS NULL AND expires_at <= :now)
                        """).param("now", SqlTime.utc(now)).update();
    }
}
