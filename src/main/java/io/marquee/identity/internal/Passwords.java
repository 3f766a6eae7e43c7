package io.marquee.identity.internal;

import java.util.UUID;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/** Argon2id hashing with the configured cost; also spends the same time when there is no hash to check. */
@Component
class Passwords {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2PasswordEncoder encoder;
    private final String dummyHash;

    Passwords(IdentitySettings settings) {
        IdentitySettings.Password cost = settings.password();
        this.encoder = new Argon2PasswordEncoder(
                SALT_BYTES, HASH_BYTES, cost.parallelism(), cost.memoryKib(), cost.iterations());
        this.dummyHash = encoder.encode(UUID.randomUUID().toString());
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** Burns the time of one verification, so an unknown email answers as slowly as a wrong password. */
    void verifyNothing(String password) {
        encoder.matches(password, dummyHash);
    }
}
