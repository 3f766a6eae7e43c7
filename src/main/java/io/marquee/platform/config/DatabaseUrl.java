package io.marquee.platform.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL location as given in {@code DATABASE_URL}: a libpq URI ({@code postgresql://user:password@host:port/db
 * ?params}, user and password percent-encoded) or a JDBC URL, turned into what the JDBC driver takes.
 */
public record DatabaseUrl(
        String jdbcUrl, @Nullable String username, @Nullable String password) {

    public static DatabaseUrl parse(String url) {
        if (url.startsWith("jdbc:")) {
            return new DatabaseUrl(url, null, null);
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("DATABASE_URL", "is not a valid URL");
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new InvalidConfigurationException(
                    "DATABASE_URL", "must look like postgresql://user:password@host:5432/database");
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null) {
            return new DatabaseUrl(jdbc.toString(), null, null);
        }
        int colon = userInfo.indexOf(':');
        return new DatabaseUrl(
                jdbc.toString(),
                decode(colon < 0 ? userInfo : userInfo.substring(0, colon)),
                colon < 0 ? null : decode(userInfo.substring(colon + 1)));
    }

    /** The same database reached through another host and port (tests put a proxy in between). */
    public DatabaseUrl via(String host, int port) {
        return new DatabaseUrl(jdbcUrl.replaceFirst("//[^/]+/", "//" + host + ":" + port + "/"), username, password);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + username + "]";
    }
}
