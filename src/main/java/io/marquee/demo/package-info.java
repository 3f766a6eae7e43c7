/**
 * Deterministic, idempotent demo data for every capability. May use every module.
 */
@ApplicationModule(displayName = "Demo")
package io.marquee.demo;

import org.springframework.modulith.ApplicationModule;
