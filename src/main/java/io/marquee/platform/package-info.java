/**
 * Shared, open infrastructure: problem+json errors, request context and access logs, security, CORS, health, caching,
 * rate limiting, cluster-locked jobs, SQL helpers, list types, clock, configuration and API-docs conventions.
 */
@ApplicationModule(
        displayName = "Platform",
        allowedDependencies = {},
        type = ApplicationModule.Type.OPEN)
package io.marquee.platform;

import org.springframework.modulith.ApplicationModule;
