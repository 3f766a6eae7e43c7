package io.marquee.platform.admin;

import java.util.Map;

/**
 * A module's numbers for {@code GET /api/v1/admin/stats} (e.g. {@code title_count}): each module that owns data
 * declares a bean, so the platform reports every module's counts without depending on any of them.
 */
@FunctionalInterface
public interface StatsContributor {

    /** Snake-case names to counts; one cheap query per module. */
    Map<String, Long> stats();
}
