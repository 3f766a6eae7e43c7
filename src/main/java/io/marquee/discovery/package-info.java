/**
 * In-process embeddings, keyword/semantic/hybrid search, recommendations and home rails.
 *
 * <p>Allowed dependencies: platform, identity, catalog, viewing.
 */
@ApplicationModule(displayName = "Discovery")
package io.marquee.discovery;

import org.springframework.modulith.ApplicationModule;
