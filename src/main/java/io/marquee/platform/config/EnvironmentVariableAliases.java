package io.marquee.platform.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
 *   <li>{@code DATABASE_URL} as a libpq URI ({@code postgresql://user:password@host:port/db?params}) or a JDBC URL;
 *   <li>{@code OTEL_EXPORTER_OTLP_ENDPOINT}: traces are exported over OTLP/HTTP only when it is set.
 * </ul>
 *
 * Explicit {@code spring.*} properties win. Without any database URL the process refuses to start.
 */
class EnvironmentVariableAliases implements EnvironmentPostProcessor, Ordered {

    static final String DATABASE_URL = "DATABASE_URL";
    static final String OTLP_ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> aliases = new LinkedHashMap<>();
        String databaseUrl = environment.getProperty(DATABASE_URL);
        if (!environment.containsProperty("spring.datasource.url")) {
            if (databaseUrl == null || databaseUrl.isBlank()) {
                throw new InvalidConfigurationException(DATABASE_URL, "is not set");
            }
            aliases.putAll(datasourceProperties(databaseUrl.strip()));
        }
        String otlp = environment.getProperty(OTLP_ENDPOINT);
        if (otlp != null && !otlp.isBlank()) {
            aliases.put("management.opentelemetry.tracing.export.otlp.endpoint", stripSlash(otlp) + "/v1/traces");
        }
        if (!aliases.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("marquee-environment-aliases", aliases));
        }
    }

    static Map<String, Object> datasourceProperties(String databaseUrl) {
        if (databaseUrl.startsWith("jdbc:")) {
            return Map.of("spring.datasource.url", databaseUrl);
        }
        URI uri;
        try {
            uri = URI.create(databaseUrl);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(DATABASE_URL, "is not a valid URL");
        }
        String scheme = uri.getScheme();
        if (!"postgresql".equals(scheme) && !"postgres".equals(scheme) || uri.getHost() == null) {
            throw new InvalidConfigurationException(
                    DATABASE_URL, "must look like postgresql://user:password@host:5432/database");
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbc.toString());
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            properties.put("spring.datasource.username", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                properties.put("spring.datasource.password", decode(userInfo.substring(colon + 1)));
            }
        }
        return properties;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
