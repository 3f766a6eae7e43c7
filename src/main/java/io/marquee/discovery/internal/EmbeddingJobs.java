package io.marquee.discovery.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.marquee.platform.errors.ConflictException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The admin embedding job (plan 2.5): started by a request that returns at once, run on this instance's one job
 * thread (never a request thread), its progress kept in {@code embedding_jobs} so every instance reports it. A unique
 * partial index admits one running job across all instances; a job whose instance died stops blocking once its
 * progress has not moved for {@code marquee.discovery.job-abandoned-after}.
 */
@Component
class EmbeddingJobs implements DisposableBean {

    static final String RUNNING = "running";
    static final String FINISHED = "finished";
    static final String FAILED = "failed";

    private static final Logger log = LoggerFactory.getLogger(EmbeddingJobs.class);

    private final JdbcClient jdbc;
    private final EmbeddingStore store;
    private final EmbeddingWriter writer;
    private final DiscoverySettings settings;
    private final MeterRegistry meters;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "embedding-job");
        thread.setDaemon(true);
        return thread;
    });

    EmbeddingJobs(
            JdbcClient jdbc,
            EmbeddingStore store,
            EmbeddingWriter writer,
            DiscoverySettings settings,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.store = store;
        this.writer = writer;
        this.settings = settings;
        this.meters = meters;
    }

    /** What {@code GET /admin/embeddings/status} shows; {@code job_id} null (state {@code idle}) before any job. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record JobView(
            UUID jobId,
            String state,
            boolean regenerate,
            int total,
            int done,
            int failed,
            String error,
            Instant startedAt,
            Instant finishedAt) {

        static final JobView IDLE = new JobView(null, "idle", false, 0, 0, 0, null, null, null);
    }

    /** 409, with the running job's id, when a job is already running on any instance. */
    static final class JobRunningException extends ConflictException {

        private final UUID runningJobId;

        JobRunningException(UUID runningJobId) {
            super("An embedding job is already running; wait for it to finish (see /api/v1/admin/embeddings/status)");
            this.runningJobId = runningJobId;
        }

        @Override
        public Map<String, Object> extensions() {
            return runningJobId == null ? Map.of() : Map.of("job_id", runningJobId);
        }
    }

    /** Records a running job and hands it to the job thread; returns at once. */
    JobView start(boolean regenerate) {
        jdbc.sql("""
                        UPDATE embedding_jobs
                        SET state = 'failed', finished_at = now(), updated_at = now(),
                            error = 'abandoned: its instance stopped reporting progress'
                        WHERE state = 'running' AND updated_at < now() - make_interval(secs => :seconds)
                        """).param("seconds", settings.jobAbandonedAfter().toSeconds()).update();
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("INSERT INTO embedding_jobs (id, state, regenerate) VALUES (:id, 'running', :regenerate)")
                    .param("id", id)
                    .param("regenerate", regenerate)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new JobRunningException(running().map(JobView::jobId).orElse(null));
        }
        worker.execute(() -> run(id, regenerate));
        return find(id).orElseThrow();
    }

    /** The latest job, running or not. */
    JobView status() {
        return jdbc.sql(SELECT + " ORDER BY started_at DESC, id LIMIT 1")
                .query(EmbeddingJobs::view)
                .optional()
                .orElse(JobView.IDLE);
    }

    private Optional<JobView> running() {
        return jdbc.sql(SELECT + " WHERE state = 'running'")
                .query(EmbeddingJobs::view)
                .optional();
    }

    private Optional<JobView> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(EmbeddingJobs::view)
                .optional();
    }

    private static final String SELECT = """
            SELECT id, state, regenerate, total, done, failed, error, started_at, finished_at FROM embedding_jobs""";

    private static JobView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        java.sql.Timestamp finished = rs.getTimestamp("finished_at");
        return new JobView(
                rs.getObject("id", UUID.class),
                rs.getString("state"),
                rs.getBoolean("regenerate"),
                rs.getInt("total"),
                rs.getInt("done"),
                rs.getInt("failed"),
                rs.getString("error"),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }

    private void run(UUID id, boolean regenerate) {
        long started = System.nanoTime();
        int done = 0;
        int failed = 0;
        try {
            List<UUID> ids = store.staleIds(regenerate);
            progress(id, ids.size(), 0, 0);
            for (int from = 0; from < ids.size(); from += settings.batchSize()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
                List<UUID> batch = ids.subList(from, Math.min(ids.size(), from + settings.batchSize()));
                try {
                    writer.refresh(batch, regenerate);
                    done += batch.size();
                } catch (TextEmbedder.ModelUnavailableException e) {
                    throw e;
                } catch (RuntimeException e) {
                    failed += batch.size();
                    log.warn("Embedding job {}: a batch of {} titles failed", id, batch.size(), e);
                }
                progress(id, ids.size(), done, failed);
            }
            finish(id, FINISHED, null);
            log.info(
                    "Embedding job {} finished in {} ms: {} titles embedded, {} failed",
                    id,
                    (System.nanoTime() - started) / 1_000_000,
                    done,
                    failed);
        } catch (InterruptedException e) {
            finish(id, FAILED, "stopped: the instance shut down");
        } catch (RuntimeException e) {
            log.error("Embedding job {} failed", id, e);
            finish(id, FAILED, e instanceof TextEmbedder.ModelUnavailableException ? e.getMessage() : "internal error");
        } finally {
            meters.counter(
                            "marquee.discovery.embedding_jobs",
                            "state",
                            find(id).map(JobView::state).orElse("unknown"))
                    .increment();
        }
    }

    private void progress(UUID id, int total, int done, int failed) {
        jdbc.sql("""
                        UPDATE embedding_jobs SET total = :total, done = :done, failed = :failed, updated_at = now()
                        WHERE id = :id""")
                .param("id", id)
                .param("total", total)
                .param("done", done)
                .param("failed", failed)
                .update();
    }

    private void finish(UUID id, String state, String error) {
        jdbc.sql("""
                        UPDATE embedding_jobs SET state = :state, error = :error, finished_at = now(), updated_at = now()
                        WHERE id = :id""")
                .param("id", id)
                .param("state", state)
                .param("error", error)
                .update();
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
