/**
 * Titles, seasons, episodes, genres and cast, the keyword predicate, and catalog administration.
 */
@ApplicationModule(
        displayName = "Catalog",
        allowedDependencies = {"platform", "identity", "entitlement"})
package io.marquee.catalog;

import org.springframework.modulith.ApplicationModule;
