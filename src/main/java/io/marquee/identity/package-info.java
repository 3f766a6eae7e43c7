/**
 * Users, sign-in and tokens, profiles, profile ownership and the admin guard.
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = "platform")
package io.marquee.identity;

import org.springframework.modulith.ApplicationModule;
