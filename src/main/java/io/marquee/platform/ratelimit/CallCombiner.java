package io.marquee.platform.ratelimit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Combines concurrent calls into one ("smart batching", no timer): a call that finds none in flight is sent at once;
 * calls arriving meanwhile queue up and go together, in arrival order and at most {@code maxBatch} at a time, as soon
 * as it returns. The caller whose call returned does not send the next batch: it hands the lead to the oldest queued
 * caller, which sends its own call with the ones queued behind it, and then hands out its answers. So every caller
 * waits for at most the call in flight and then its own, and nobody sends a batch it has no part in.
 *
 * <p>A failed call fails the calls queued behind it as well: they wait for the same unreachable server, and while
 * it times out the queue would grow faster than batches drain it.
 */
final class CallCombiner<Q, A> {

    private final Function<List<Q>, List<A>> send;
    private final int maxBatch;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Call<Q, A>> queue = new ArrayDeque<>();
    /** Guarded by {@link #lock}: a batch is in flight or about to be sent by the caller that has the lead. */
    private boolean leading;

    /** {@code send} answers a batch of requests in their order, or throws for all of them. */
    CallCombiner(int maxBatch, Function<List<Q>, List<A>> send) {
        this.maxBatch = maxBatch;
        this.send = send;
    }

    A call(Q request) {
        Call<Q, A> mine = new Call<>(request);
        boolean queued;
        lock.lock();
        try {
            queued = leading;
            if (queued) {
                queue.add(mine);
            } else {
                leading = true;
            }
        } finally {
            lock.unlock();
        }
        if (queued) {
            mine.done.join();
            if (!mine.leads) {
                return mine.answer();
            }
        }
        lead(mine);
        return mine.answer();
    }

    private void lead(Call<Q, A> leader) {
        List<Call<Q, A>> batch = takeBatch(leader);
        List<A> answers = null;
        RuntimeException failure = new IllegalStateException("The batch was not sent");
        try {
            answers = send.apply(batch.stream().map(call -> call.request).toList());
            failure = answers.size() == batch.size()
                    ? null
                    : new IllegalStateException(answers.size() + " answers to " + batch.size() + " requests");
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            List<Call<Q, A>> failedToo = handOver(failure != null);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).finish(failure == null ? answers.get(i) : null, failure);
            }
            for (Call<Q, A> call : failedToo) {
                call.finish(null, failure);
            }
        }
    }

    private List<Call<Q, A>> takeBatch(Call<Q, A> leader) {
        lock.lock();
        try {
            List<Call<Q, A>> batch = new ArrayList<>(Math.min(maxBatch, queue.size() + 1));
            batch.add(leader);
            while (batch.size() < maxBatch && !queue.isEmpty()) {
                batch.add(queue.poll());
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** Gives the lead to the oldest queued call, if any; after a failure, returns the queued calls instead. */
    private List<Call<Q, A>> handOver(boolean failed) {
        lock.lock();
        try {
            if (failed) {
                List<Call<Q, A>> queued = List.copyOf(queue);
                queue.clear();
                leading = false;
                return queued;
            }
            Call<Q, A> next = queue.poll();
            if (next == null) {
                leading = false;
            } else {
                next.leads = true;
                next.done.complete(null);
            }
            return List.of();
        } finally {
            lock.unlock();
        }
    }

    /** The fields are written before {@link #done} completes and read after, or by the caller's own thread. */
    private static final class Call<Q, A> {

        final Q request;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        boolean leads;
        A answer;
        RuntimeException failure;

        Call(Q request) {
            this.request = request;
        }

        void finish(A answer, RuntimeException failure) {
            this.answer = answer;
            this.failure = failure;
            done.complete(null);
        }

        A answer() {
            if (failure != null) {
                throw failure;
            }
            return answer;
        }
    }
}
