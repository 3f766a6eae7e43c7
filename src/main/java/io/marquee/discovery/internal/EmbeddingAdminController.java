package io.marquee.discovery.internal;

import io.marquee.platform.ratelimit.RateLimited;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Admin: embeddings", description = "Title embeddings for semantic search (admins only)")
class EmbeddingAdminController {

    private final EmbeddingJobs jobs;

    EmbeddingAdminController(EmbeddingJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping("/api/v1/admin/embeddings/generate")
    @RateLimited("embeddings")
    @Operation(
            summary = "Start an embedding job",
            description = "Answers 202 at once with the job's id; the job runs in the background (progress in"
                    + " `/status`). It embeds the titles that have no embedding or whose text changed since; with"
                    + " `regenerate=true`, every title. One job at a time across all instances.")
    @ApiResponse(responseCode = "202", description = "Started: `{job_id, state}`")
    @ApiResponse(responseCode = "409", description = "A job is already running (its id in `job_id`)")
    ResponseEntity<Map<String, Object>> generate(
            @RequestParam(name = "regenerate", defaultValue = "false") boolean regenerate) {
        EmbeddingJobs.JobView job = jobs.start(regenerate);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("job_id", job.jobId());
        body.put("state", job.state());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }

    @GetMapping("/api/v1/admin/embeddings/status")
    @Operation(
            summary = "The latest embedding job",
            description = "`state` is `running`, `finished` (`failed` counts titles that could not be embedded) or"
                    + " `failed` (the job stopped; `error` says why); `idle` with a null `job_id` before any job.")
    EmbeddingJobs.JobView status() {
        return jobs.status();
    }
}
