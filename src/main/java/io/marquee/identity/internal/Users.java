package io.marquee.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code users}. */
@Repository
class Users {

    record Account(
            UUID id,
            String email,
            String passwordHash,
            String subscriptionTier,
            boolean isAdmin,
            boolean isActive,
            Instant createdAt) {}

    record AccountSummary(
            UUID id,
            String email,
            String subscriptionTier,
            boolean isAdmin,
            boolean isActive,
            Instant createdAt,
            int profilesCount) {}

    private static final String COLUMNS =
            "id, email, password_hash, subscription_tier, is_admin, is_active, created_at";

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when the email is taken. */
    Optional<Account> insert(String email, String passwordHash) {
        try {
            return Optional.of(
                    jdbc.sql("INSERT INTO users (email, password_hash) VALUES (:email, :hash) RETURNING " + COLUMNS)
                            .param("email", email)
                            .param("hash", passwordHash)
                            .query(Account.class)
                            .single());
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    Optional<Account> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = :email")
                .param("email", email)
                .query(Account.class)
                .optional();
    }

    Optional<Account> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .param("id", id)
                .query(Account.class)
                .optional();
    }

    /** Takes the account's row lock, serialising changes to its profiles; empty when the user does not exist. */
    Optional<Account> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Account.class)
                .optional();
    }

    boolean isActive(UUID id) {
        return jdbc.sql("SELECT is_active FROM users WHERE id = :id")
                .param("id", id)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    boolean isActiveAdmin(UUID id) {
        return jdbc.sql("SELECT is_admin AND is_active FROM users WHERE id = :id")
                .param("id", id)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** One page, oldest first, with each account's profile count from one grouped join. */
    /** {@code emailPattern} comes from {@code Like.containing}. */
    List<AccountSummary> page(String emailPattern, int limit, long offset) {
        return jdbc.sql("""
                        SELECT u.id, u.email, u.subscription_tier, u.is_admin, u.is_active, u.created_at,
                               (SELECT count(*) FROM profiles p WHERE p.user_id = u.id) AS profiles_count
                        FROM users u
                        WHERE (CAST(:q AS text) IS NULL OR u.email LIKE :q ESCAPE '\\')
                        ORDER BY u.created_at, u.id
                        LIMIT :limit OFFSET :offset
                        """)
                .param("q", emailPattern)
                .param("limit", limit)
                .param("offset", offset)
                .query(AccountSummary.class)
                .list();
    }

    long count(String emailPattern) {
        return jdbc.sql("""
                        SELECT count(*) FROM users u
                        WHERE (CAST(:q AS text) IS NULL OR u.email LIKE :q ESCAPE '\\')
                        """).param("q", emailPattern).query(Long.class).single();
    }

    /** Applies the given changes (null = unchanged); empty when the user does not exist. */
    Optional<Account> update(UUID id, Boolean isActive, Boolean isAdmin, String subscriptionTier) {
        return jdbc.sql("""
                        UPDATE users SET
                            is_active = coalesce(:active, is_active),
                            is_admin = coalesce(:admin, is_admin),
                            subscription_tier = coalesce(:tier, subscription_tier)
                        WHERE id = :id
                        RETURNING\s""" + COLUMNS)
                .param("id", id)
                .param("active", isActive)
                .param("admin", isAdmin)
                .param("tier", subscriptionTier)
                .query(Account.class)
                .optional();
    }
}
