package io.marquee.platform.web;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * HTTP edge settings.
 *
 * @param corsAllowedOrigins exact origins allowed to call the API from a browser (no wildcards: credentials are
 *     allowed); from {@code CORS_ORIGINS}, comma-separated
 * @param maxRequestBody larger request bodies are refused with 413
 * @param slowRequestThreshold requests slower than this are logged at WARN
 */
@Validated
@ConfigurationProperties("marquee.http")
public record HttpSettings(
        @NotNull List<String> corsAllowedOrigins,
        @DefaultValue("1MB") DataSize maxRequestBody,
        @DefaultValue("500ms") Duration slowRequestThreshold) {}
