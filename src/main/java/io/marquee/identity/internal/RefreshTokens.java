package io.marquee.identity.internal;

import io.marquee.identity.UserSignedOut;
import io.marquee.identity.UserSignedOutEverywhere;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refresh tokens: opaque 256-bit random strings, stored as SHA-256, grouped in a family per sign-in and rotated on
 * every use. Presenting a token that was already rotated means two parties hold it (it was stolen, or leaked from a
 * client): the whole family is revoked, so the thief's and the victim's successors both stop working.
 */
@Service
class RefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);
    private static final int TOKEN_BYTES = 32;

    private final RefreshTokenRows rows;
    private final Users users;
    private final IdentitySettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    RefreshTokens(
            RefreshTokenRows rows,
            Users users,
            IdentitySettings settings,
            Clock clock,
            ApplicationEventPublisher events) {
        this.rows = rows;
        this.users = users;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
    }

    record Rotated(UUID userId, UUID familyId, String token) {}

    /** Starts the family (a sign-in) {@code familyId} and returns its first token. */
    @Transactional
    String startFamily(UUID userId, UUID familyId) {
        Instant now = clock.instant();
        return issue(userId, familyId, now, now.plus(settings.refreshAbsoluteTtl()));
    }

    /**
     * Exchanges a live token for its successor. Replay of a rotated token revokes the family; the revocation is
     * committed although the call fails.
     */
    @Transactional(noRollbackFor = InvalidCredentialsException.class)
    Rotated rotate(String token) {
        Instant now = clock.instant();
        byte[] hash = hash(token);
        Optional<RefreshTokenRows.Row> used = rows.rotate(hash, now);
        if (used.isEmpty()) {
            rows.find(hash)
                    .filter(row -> row.rotatedAt() != null && row.revokedAt() == null)
                    .ifPresent(row -> {
                        log.warn(
                                "Refresh token replayed; revoking sign-in {} of user {}", row.familyId(), row.userId());
                        rows.revokeFamily(row.familyId(), now);
                    });
            throw InvalidCredentialsException.refresh();
        }
        RefreshTokenRows.Row row = used.get();
        if (!users.isActive(row.userId())) {
            rows.revokeFamily(row.familyId(), now);
            throw InvalidCredentialsException.refresh();
        }
        return new Rotated(
                row.userId(), row.familyId(), issue(row.userId(), row.familyId(), now, row.familyExpiresAt()));
    }

    /** Ends the sign-in that {@code token} belongs to, if it is the caller's; unknown tokens are ignored. */
    @Transactional
    void signOut(UUID userId, String token) {
        rows.find(hash(token))
                .filter(row -> row.userId().equals(userId))
                .filter(row -> rows.revokeFamily(row.familyId(), clock.instant()) > 0)
                .ifPresent(row -> events.publishEvent(new UserSignedOut(userId, row.familyId())));
    }

    @Transactional
    void signOutEverywhere(UUID userId) {
        rows.revokeAllOfUser(userId, clock.instant());
        events.publishEvent(new UserSignedOutEverywhere(userId));
    }

    /** Revokes every sign-in of the user without publishing; the caller publishes what happened. */
    void revokeAll(UUID userId) {
        rows.revokeAllOfUser(userId, clock.instant());
    }

    @Transactional
    int deleteDead() {
        return rows.deleteDead(clock.instant());
    }

    private String issue(UUID userId, UUID familyId, Instant now, Instant familyExpiresAt) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant idleExpiry = now.plus(settings.refreshIdleTtl());
        rows.insert(
                userId,
                familyId,
                hash(token),
                now,
                idleExpiry.isBefore(familyExpiresAt) ? idleExpiry : familyExpiresAt,
                familyExpiresAt);
        return token;
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
