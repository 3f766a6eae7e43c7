package io.marquee.catalog.internal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Catalog settings ({@code marquee.catalog.*}).
 *
 * @param similarityThreshold the least {@code word_similarity(q, title)} for a trigram match of the keyword predicate:
 *     0.4 still finds a transposition such as "thirllers" for "Thrillers" (0.43), PostgreSQL's default 0.6 does not
 * @param featuredLimit at most this many featured titles are listed, newest first
 * @param contentCacheTtl what a content id is (movie, series or episode, and its title) is cached this long in
 *     process; an edit or removal clears it at once on the instance that made it, the others follow within this
 */
@Validated
@ConfigurationProperties("marquee.catalog")
record CatalogSettings(
        @DecimalMin("0.1") @DecimalMax("1.0") @DefaultValue("0.4")
        double similarityThreshold,

        @Min(1) @Max(500) @DefaultValue("100") int featuredLimit,
        @NotNull @DefaultValue("60s") Duration contentCacheTtl) {}
