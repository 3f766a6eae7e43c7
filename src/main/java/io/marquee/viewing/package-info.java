/**
 * Bookmarks and continue-watching, resumption scoring, watchlist, ratings, history and cross-device sync.
 */
@ApplicationModule(
        displayName = "Viewing",
        allowedDependencies = {"platform", "identity", "catalog", "entitlement"})
package io.marquee.viewing;

import org.springframework.modulith.ApplicationModule;
