package io.marquee.identity.internal;

import io.marquee.platform.admin.StatsContributor;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class IdentityStats implements StatsContributor {

    private final JdbcClient jdbc;

    IdentityStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> stats() {
        return Map.of(
                "user_count",
                jdbc.sql("SELECT count(*) FROM users").query(Long.class).single());
    }
}
