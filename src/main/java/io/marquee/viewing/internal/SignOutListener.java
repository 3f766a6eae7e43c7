package io.marquee.viewing.internal;

import io.marquee.identity.UserDeactivated;
import io.marquee.identity.UserSignedOut;
import io.marquee.identity.UserSignedOutEverywhere;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Signing out closes the account's open event streams on every instance. A stream is not tied to one sign-in, so
 * a one-device logout closes them all; the other devices reconnect with their still-valid tokens.
 */
@Component
class SignOutListener {

    private final ProfileSync sync;

    SignOutListener(ProfileSync sync) {
        this.sync = sync;
    }

    @ApplicationModuleListener
    void on(UserSignedOut event) {
        sync.signOut(event.userId());
    }

    @ApplicationModuleListener
    void on(UserSignedOutEverywhere event) {
        sync.signOut(event.userId());
    }

    @ApplicationModuleListener
    void on(UserDeactivated event) {
        sync.signOut(event.userId());
    }
}
