package io.marquee.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The combining on its own: the first call is held in flight until the others have queued up one after the other,
 * so the batches are known in advance.
 */
class CallCombinerTest {

    private record Sent(List<String> requests, String thread) {}

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    /** Answers every request in upper case; holds the call of "a" until released, fails any batch with "fail". */
    private List<String> send(List<String> requests) {
        sent.add(new Sent(requests, Thread.currentThread().getName()));
        if (requests.contains("a")) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (requests.contains("fail")) {
            throw new IllegalStateException("unreachable");
        }
        return requests.stream()
                .map(request -> request.toUpperCase(Locale.ROOT))
                .toList();
    }

    /** Calls "a" and then each of {@code queued}, each once the one before waits; then lets the call of "a" return. */
    private List<Future<String>> callWhileAIsInFlight(CallCombiner<String, String> combiner, String... queued) {
        List<Future<String>> answers = new ArrayList<>();
        for (String request : prepend("a", queued)) {
            FutureTask<String> answer = new FutureTask<>(() -> combiner.call(request));
            Thread thread = new Thread(answer, request);
            thread.start();
            answers.add(answer);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> thread.getState() == Thread.State.WAITING
                            || thread.getState() == Thread.State.TIMED_WAITING);
        }
        release.countDown();
        return answers;
    }

    private static List<String> prepend(String first, String... rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all;
    }

    private static List<String> answers(List<Future<String>> futures) throws Exception {
        List<String> answers = new ArrayList<>();
        for (Future<String> future : futures) {
            answers.add(future.get(10, TimeUnit.SECONDS));
        }
        return answers;
    }

    @Test
    void aCallWithNoneInFlightIsSentAloneAtOnce() {
        CallCombiner<String, String> combiner = new CallCombiner<>(128, this::send);

        assertThat(combiner.call("x")).isEqualTo("X");
        assertThat(combiner.call("y")).isEqualTo("Y");
        assertThat(sent).extracting(Sent::requests).containsExactly(List.of("x"), List.of("y"));
    }

    @Test
    void callsQueuedBehindOneInFlightGoTogetherInArrivalOrderSentByTheOldest() throws Exception {
        CallCombiner<String, String> combiner = new CallCombiner<>(128, this::send);

        List<Future<String>> answers = callWhileAIsInFlight(combiner, "b", "c", "d", "c");

        assertThat(answers(answers)).containsExactly("A", "B", "C", "D", "C");
        assertThat(sent).containsExactly(new Sent(List.of("a"), "a"), new Sent(List.of("b", "c", "d", "c"), "b"));
    }

    @Test
    void aBatchTakesAtMostTheCapAndTheRestFollowsInTheNext() throws Exception {
        CallCombiner<String, String> combiner = new CallCombiner<>(2, this::send);

        List<Future<String>> answers = callWhileAIsInFlight(combiner, "b", "c", "d", "e");

        assertThat(answers(answers)).containsExactly("A", "B", "C", "D", "E");
        assertThat(sent)
                .containsExactly(
                        new Sent(List.of("a"), "a"),
                        new Sent(List.of("b", "c"), "b"),
                        new Sent(List.of("d", "e"), "d"));
    }

    @Test
    void aFailedCallFailsItsBatchAndTheCallsQueuedBehindIt() throws Exception {
        CallCombiner<String, String> combiner = new CallCombiner<>(2, this::send);

        List<Future<String>> answers = callWhileAIsInFlight(combiner, "b", "fail", "d", "e");

        assertThat(answers.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("A");
        for (Future<String> failed : answers.subList(1, 5)) {
            assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasRootCauseMessage("unreachable");
        }
        assertThat(sent).extracting(Sent::requests).containsExactly(List.of("a"), List.of("b", "fail"));
        assertThat(combiner.call("f")).as("the next call is sent again").isEqualTo("F");
    }

    @Test
    void aBatchWithTheWrongNumberOfAnswersFailsEveryCallerInsteadOfLeavingThemWaiting() {
        CallCombiner<String, String> combiner = new CallCombiner<>(2, requests -> List.of());

        assertThatThrownBy(() -> combiner.call("x")).hasMessage("0 answers to 1 requests");
    }
}
