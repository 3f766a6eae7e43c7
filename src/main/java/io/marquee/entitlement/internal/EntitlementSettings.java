package io.marquee.entitlement.internal;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Entitlement settings ({@code marquee.entitlement.*}).
 *
 * @param sessionLiveness a playback session without a heartbeat for this long stops counting against the limit
 */
@Validated
@ConfigurationProperties("marquee.entitlement")
record EntitlementSettings(@NotNull @DefaultValue("2m") Duration sessionLiveness) {}
