package io.marquee.identity.internal;

import io.marquee.identity.AgeRating;
import io.marquee.platform.errors.ConflictException;
import io.marquee.platform.errors.NotFoundException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Registration, sign-in and the signed-in user's own account. */
@Service
class Accounts {

    static final String DEFAULT_PROFILE_NAME = "Default";

    record Tokens(String accessToken, String refreshToken) {}

    private final Users users;
    private final Profiles profiles;
    private final Passwords passwords;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final TransactionTemplate transactions;

    Accounts(
            Users users,
            Profiles profiles,
            Passwords passwords,
            AccessTokens accessTokens,
            RefreshTokens refreshTokens,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.users = users;
        this.profiles = profiles;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
    }

    /**
     * Creates a basic, active, non-admin account with one unrestricted profile, and signs it in. The password is
     * hashed before the transaction so that no connection is held while Argon2 runs.
     */
    Tokens register(String email, String password) {
        String hash = passwords.hash(password);
        return transactions.execute(status -> {
            Users.Account account =
                    users.insert(email, hash).orElseThrow(() -> new ConflictException("Email already registered"));
            profiles.insert(account.id(), DEFAULT_PROFILE_NAME, null, AgeRating.TV_MA.label(), false);
            return signIn(account.id());
        });
    }

    /** Unknown email, wrong password and inactive account answer the same, after the same amount of hashing. */
    Tokens login(String email, String password) {
        Optional<Users.Account> account = users.findByEmail(email);
        if (account.isEmpty()) {
            passwords.verifyNothing(password);
            throw InvalidCredentialsException.login();
        }
        boolean matches = passwords.matches(password, account.get().passwordHash());
        if (!matches || !account.get().isActive()) {
            throw InvalidCredentialsException.login();
        }
        return signIn(account.get().id());
    }

    Tokens refresh(String refreshToken) {
        RefreshTokens.Rotated rotated = refreshTokens.rotate(refreshToken);
        return new Tokens(accessTokens.issue(rotated.userId(), rotated.familyId()), rotated.token());
    }

    Users.Account me(UUID userId) {
        return users.findById(userId).orElseThrow(() -> new NotFoundException("User not found"));
    }

    private Tokens signIn(UUID userId) {
        UUID signIn = UUID.randomUUID();
        return new Tokens(accessTokens.issue(userId, signIn), refreshTokens.startFamily(userId, signIn));
    }
}
