/**
 * Shared, open infrastructure: problem+json errors, request context and access logs, security, CORS, health, caching, clock, configuration and API-docs conventions.
 */
@ApplicationModule(
        displayName = "Platform",
        allowedDependencies = {},
        type = ApplicationModule.Type.OPEN)
package io.marquee.platform;

import org.springframework.modulith.ApplicationModule;
