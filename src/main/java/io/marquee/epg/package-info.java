/**
 * Live-TV channels, the programme guide, now/next and favourites, and guide administration.
 */
@ApplicationModule(
        displayName = "EPG",
        allowedDependencies = {"platform", "identity", "entitlement"})
package io.marquee.epg;

import org.springframework.modulith.ApplicationModule;
