package io.marquee.viewing.internal;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes heartbeats that arrive within {@code marquee.viewing.heartbeat-batch.window} of each other as one multi-row
 * upsert in one transaction: one statement and one commit instead of one of each per heartbeat.
 *
 * <p>No thread of its own: the first heartbeat of a batch waits out the window (or until the batch is full), then
 * writes the batch on its own thread while the next batch gathers; every caller returns only once its batch has
 * committed. A batch that fails is not answered as a whole: each of its heartbeats is written again on its own, in
 * its own transaction, by its own caller, so only a heartbeat that fails by itself fails.
 */
@Component
class HeartbeatBatcher {

    private final BookmarkRows rows;
    private final TransactionTemplate transactions;
    private final long windowNanos;
    private final int maxSize;
    private final DistributionSummary batchSizes;
    private final Consumer<List<BookmarkRows.Upserted>> inTransaction;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition full = lock.newCondition();
    /** The batch gathering heartbeats; {@code null} when none is. Guarded by {@link #lock}. */
    private List<Pending> gathering;

    @Autowired
    HeartbeatBatcher(
            BookmarkRows rows,
            PlatformTransactionManager transactions,
            ViewingSettings settings,
            MeterRegistry meters,
            BookmarkAnnouncements announcements) {
        this(rows, transactions, settings.heartbeatBatch(), meters, announcements::heartbeatsWritten);
    }

    /**
     * @param inTransaction runs inside each writing transaction with what it wrote, in order (for events that must
     *     commit with the write); a heartbeat of a failed batch is written again on its own and passed again, alone,
     *     but only the run in the committed transaction counts
     */
    HeartbeatBatcher(
            BookmarkRows rows,
            PlatformTransactionManager transactions,
            ViewingSettings.HeartbeatBatch settings,
            MeterRegistry meters,
            Consumer<List<BookmarkRows.Upserted>> inTransaction) {
        this.rows = rows;
        this.inTransaction = inTransaction;
        this.transactions = new TransactionTemplate(transactions);
        this.windowNanos = settings.window().toNanos();
        this.maxSize = settings.maxSize();
        this.batchSizes = DistributionSummary.builder("marquee.viewing.heartbeat_batch.size")
                .description("Heartbeats written per batch (one statement and one commit)")
                .register(meters);
    }

    /**
     * Writes the heartbeat and returns what it did once it is committed.
     *
     * @throws IllegalStateException inside a transaction: the write commits on its own
     */
    BookmarkRows.Upserted write(BookmarkRows.Heartbeat heartbeat) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("heartbeats are committed in batches, not in the caller's transaction");
        }
        Pending pending = new Pending(heartbeat);
        List<Pending> batch = join(pending);
        if (batch != null) {
            writeBatch(batch);
        }
        try {
            return pending.result().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof BatchFailed) {
                return writeAlone(pending);
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Adds the heartbeat to the gathering batch; the batch to write when this caller leads it, else {@code null}. */
    private List<Pending> join(Pending pending) {
        lock.lock();
        try {
            if (gathering != null) {
                gathering.add(pending);
                if (gathering.size() >= maxSize) {
                    gathering = null;
                    full.signalAll();
                }
                return null;
            }
            List<Pending> batch = new ArrayList<>();
            batch.add(pending);
            if (maxSize == 1 || windowNanos <= 0) {
                return batch;
            }
            gathering = batch;
            long remaining = windowNanos;
            boolean interrupted = false;
            while (gathering == batch && remaining > 0) {
                try {
                    remaining = full.awaitNanos(remaining);
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                }
            }
            if (gathering == batch) {
                gathering = null;
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    private void writeBatch(List<Pending> batch) {
        batchSizes.record(batch.size());
        List<BookmarkRows.Upserted> results;
        try {
            results = transactions.execute(status -> {
                List<BookmarkRows.Upserted> upserted =
                        rows.upsertAll(batch.stream().map(p -> p.heartbeat()).toList());
                inTransaction.accept(upserted);
                return upserted;
            });
        } catch (RuntimeException | Error e) {
            // a transaction that could not begin wrote nothing; writing each alone would only ask for more connections
            if (batch.size() == 1 || e instanceof CannotCreateTransactionException) {
                batch.forEach(p -> p.result().completeExceptionally(e));
            } else {
                BatchFailed failed = new BatchFailed(e);
                batch.forEach(p -> p.result().completeExceptionally(failed));
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(results.get(i));
        }
    }

    private BookmarkRows.Upserted writeAlone(Pending pending) {
        return transactions.execute(status -> {
            List<BookmarkRows.Upserted> upserted = rows.upsertAll(List.of(pending.heartbeat()));
            inTransaction.accept(upserted);
            return upserted.get(0);
        });
    }

    private record Pending(BookmarkRows.Heartbeat heartbeat, CompletableFuture<BookmarkRows.Upserted> result) {
        Pending(BookmarkRows.Heartbeat heartbeat) {
            this(heartbeat, new CompletableFuture<>());
        }
    }

    /** The batch of a heartbeat was rolled back: its caller writes it again on its own. */
    private static final class BatchFailed extends RuntimeException {
        BatchFailed(Throwable cause) {
            super(cause.toString(), cause, false, false);
        }
    }
}
