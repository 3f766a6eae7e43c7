package io.marquee.platform.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Admin: stats", description = "Counts across the service (admins only)")
class AdminStatsController {

    private final List<StatsContributor> contributors;

    AdminStatsController(List<StatsContributor> contributors) {
        this.contributors = contributors;
    }

    @GetMapping("/api/v1/admin/stats")
    @Operation(
            summary = "Counts of users, titles, channels and more",
            description = "One number per kind of thing each module owns, e.g. `user_count`, `title_count`,"
                    + " `channel_count`.")
    @ApiResponse(responseCode = "403", description = "The caller is not an admin")
    Map<String, Long> stats() {
        Map<String, Long> all = new TreeMap<>();
        contributors.forEach(contributor -> all.putAll(contributor.stats()));
        return all;
    }
}
