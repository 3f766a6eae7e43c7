package io.marquee.platform.config;

import io.marquee.platform.security.JwtSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Accepts the conventional variables of the platforms Marquee runs on and maps them onto Spring properties:
 *
 * <ul>
 *   <li>{@code JWT_SECRET} is checked first, so a missing secret stops the process before anything else starts;
 *   <li>{@code DATABASE_URL} (see {@link DatabaseUrl}); without it, or an explicit {@code spring.datasource.url},
 *       the process refuses to start;
 *   <li>{@code OTEL_EXPORTER_OTLP_ENDPOINT}: traces are exported over OTLP/HTTP only when it is set.
 * </ul>
 *
 * The aliases have the lowest precedence, so explicit {@code spring.*} properties win.
 */
class EnvironmentVariableAliases implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        JwtSettings.requireUsableSecret(environment.getProperty("marquee.jwt.secret"));
        Map<String, Object> aliases = new LinkedHashMap<>();
        if (!environment.containsProperty("spring.datasource.url")) {
            String databaseUrl = environment.getProperty("DATABASE_URL");
            if (databaseUrl == null || databaseUrl.isBlank()) {
                throw new InvalidConfigurationException("DATABASE_URL", "is not set");
            }
            DatabaseUrl database = DatabaseUrl.parse(databaseUrl.strip());
            aliases.put("spring.datasource.url", database.jdbcUrl());
            if (database.username() != null) {
                aliases.put("spring.datasource.username", database.username());
            }
            if (database.password() != null) {
                aliases.put("spring.datasource.password", database.password());
            }
        }
        String otlp = environment.getProperty("OTEL_EXPORTER_OTLP_ENDPOINT");
        if (otlp != null && !otlp.isBlank()) {
            String base = otlp.endsWith("/") ? otlp.substring(0, otlp.length() - 1) : otlp;
            aliases.put("management.opentelemetry.tracing.export.otlp.endpoint", base + "/v1/traces");
        }
        if (!aliases.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("marquee-environment-aliases", aliases));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
