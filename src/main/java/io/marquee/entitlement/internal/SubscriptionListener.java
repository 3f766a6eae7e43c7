package io.marquee.entitlement.internal;

import io.marquee.platform.events.SubscriptionTierChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

@Component
class SubscriptionListener {

    private final Packages packages;

    SubscriptionListener(Packages packages) {
        this.packages = packages;
    }

    @ApplicationModuleListener
    void on(SubscriptionTierChanged change) {
        packages.subscribe(change.userId(), change.tier());
    }
}
