/**
 * Bookmarks and continue-watching, resumption scoring, watchlist, ratings, history and cross-device sync.
 *
 * <p>Allowed dependencies: platform, identity, catalog, entitlement.
 */
@ApplicationModule(displayName = "Viewing")
package io.marquee.viewing;

import org.springframework.modulith.ApplicationModule;
