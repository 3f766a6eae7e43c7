/**
 * Live-TV channels, the programme guide, now/next and favourites, and guide administration.
 *
 * <p>Allowed dependencies: platform, identity, entitlement.
 */
@ApplicationModule(displayName = "EPG")
package io.marquee.epg;

import org.springframework.modulith.ApplicationModule;
