/**
 * Packages, grants, playback sessions and stream limits; answers which title or channel ids a user may play.
 *
 * <p>Allowed dependencies: platform.
 */
@ApplicationModule(displayName = "Entitlement")
package io.marquee.entitlement;

import org.springframework.modulith.ApplicationModule;
