/**
 * Packages, grants, playback sessions and stream limits; answers which title or channel ids a user may play.
 */
@ApplicationModule(displayName = "Entitlement", allowedDependencies = "platform")
package io.marquee.entitlement;

import org.springframework.modulith.ApplicationModule;
