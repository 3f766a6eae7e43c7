package io.marquee.identity.internal;

import io.marquee.identity.AccountProvisioning;
import io.marquee.identity.AgeRating;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class Provisioning implements AccountProvisioning {

    private final JdbcClient jdbc;
    private final Users users;
    private final Passwords passwords;

    Provisioning(JdbcClient jdbc, Users users, Passwords passwords) {
        this.jdbc = jdbc;
        this.users = users;
        this.passwords = passwords;
    }

    /** The password is re-hashed only when it no longer matches, so a restart costs one verification per account. */
    @Override
    @Transactional
    public UUID ensureAccount(String email, String password, String subscriptionTier, boolean admin) {
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        Optional<Users.Account> existing = users.findByEmail(normalized);
        String hash = existing.filter(a -> passwords.matches(password, a.passwordHash()))
                .map(Users.Account::passwordHash)
                .orElseGet(() -> passwords.hash(password));
        return jdbc.sql("""
                        INSERT INTO users (email, password_hash, subscription_tier, is_admin)
                        VALUES (:email, :hash, :tier, :admin)
                        ON CONFLICT (email) DO UPDATE SET password_hash = excluded.password_hash,
                            subscription_tier = excluded.subscription_tier, is_admin = excluded.is_admin,
                            is_active = true
                        RETURNING id
                        """)
                .param("email", normalized)
                .param("hash", hash)
                .param("tier", subscriptionTier)
                .param("admin", admin)
                .query(UUID.class)
                .single();
    }

    @Override
    @Transactional
    public UUID ensureProfile(UUID userId, String name, AgeRating parentalRating, boolean kids, String avatarUrl) {
        Optional<UUID> existing = jdbc.sql("SELECT id FROM profiles WHERE user_id = :user AND name = :name")
                .param("user", userId)
                .param("name", name)
                .query(UUID.class)
                .optional();
        if (existing.isPresent()) {
            jdbc.sql("""
                            UPDATE profiles SET parental_rating = :rating, is_kids = :kids, avatar_url = :avatar
                            WHERE id = :id
                            """)
                    .param("id", existing.get())
                    .param("rating", parentalRating.label())
                    .param("kids", kids)
                    .param("avatar", avatarUrl)
                    .update();
            return existing.get();
        }
        return jdbc.sql("""
                        INSERT INTO profiles (user_id, name, parental_rating, is_kids, avatar_url)
                        VALUES (:user, :name, :rating, :kids, :avatar) RETURNING id
                        """)
                .param("user", userId)
                .param("name", name)
                .param("rating", parentalRating.label())
                .param("kids", kids)
                .param("avatar", avatarUrl)
                .query(UUID.class)
                .single();
    }
}
