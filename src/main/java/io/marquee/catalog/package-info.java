/**
 * Titles, seasons, episodes, genres and cast, the keyword predicate, and catalog administration.
 *
 * <p>Allowed dependencies: platform, identity, entitlement.
 */
@ApplicationModule(displayName = "Catalog")
package io.marquee.catalog;

import org.springframework.modulith.ApplicationModule;
