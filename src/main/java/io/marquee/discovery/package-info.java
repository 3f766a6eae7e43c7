/**
 * In-process embeddings, keyword/semantic/hybrid search, recommendations and home rails.
 */
@ApplicationModule(
        displayName = "Discovery",
        allowedDependencies = {"platform", "identity", "catalog", "viewing"})
package io.marquee.discovery;

import org.springframework.modulith.ApplicationModule;
