/**
 * Users, sign-in and tokens, profiles, profile ownership and the admin guard.
 *
 * <p>Allowed dependencies: platform.
 */
@ApplicationModule(displayName = "Identity")
package io.marquee.identity;

import org.springframework.modulith.ApplicationModule;
