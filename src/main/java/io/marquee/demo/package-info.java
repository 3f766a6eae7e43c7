/**
 * Deterministic, idempotent demo data for every capability.
 *
 * <p>Allowed dependencies: every module.
 */
@ApplicationModule(displayName = "Demo")
package io.marquee.demo;

import org.springframework.modulith.ApplicationModule;
