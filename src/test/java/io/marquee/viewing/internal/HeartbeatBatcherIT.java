package io.marquee.viewing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.catalog.CatalogFixtures;
import io.marquee.support.Concurrently;
import io.marquee.support.IntegrationTest;
import io.marquee.support.TestAccounts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Batches of heartbeats written together: duplicates keep the newest, and a failing heartbeat fails alone. The window
 * is long and the batch closes when full, so the heartbeats of a test always share one batch.
 */
@IntegrationTest
class HeartbeatBatcherIT {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BookmarkRows rows;

    @Autowired
    PlatformTransactionManager transactions;

    UUID profile;
    UUID movie;
    Instant base;

    @BeforeEach
    void profileAndMovie() {
        profile = TestAccounts.firstProfileId(http, TestAccounts.register(http));
        movie = new CatalogFixtures(http, jdbc).title(CatalogFixtures.word() + " Movie", Map.of());
        base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** What each writing transaction announced, and whether it ran inside that transaction. */
    private final List<String> announced = new CopyOnWriteArrayList<>();

    private HeartbeatBatcher batcher(int size) {
        return new HeartbeatBatcher(
                rows,
                transactions,
                new ViewingSettings.HeartbeatBatch(Duration.ofSeconds(30), size),
                new SimpleMeterRegistry(),
                written -> announced.add(written.stream()
                                .map(w -> w.row().positionSeconds() + (w.applied() ? "" : " late"))
                                .sorted()
                                .toList()
                        + (TransactionSynchronizationManager.isActualTransactionActive() ? " in transaction" : "")));
    }

    private BookmarkRows.Heartbeat heartbeat(UUID title, int position, Instant recordedAt) {
        return new BookmarkRows.Heartbeat(
                profile, "movie", movie, title, position, 6000, false, "tv", recordedAt, recordedAt);
    }

    @Test
    void ofHeartbeatsForOneBookmarkTheNewestIsStoredAndAllAreAnsweredWithIt() throws Exception {
        HeartbeatBatcher batcher = batcher(3);
        List<Callable<BookmarkRows.Upserted>> calls = List.of(110, 130, 120).stream()
                .map(position -> (Callable<BookmarkRows.Upserted>)
                        () -> batcher.write(heartbeat(movie, position, base.plusSeconds(position))))
                .toList();

        List<BookmarkRows.Upserted> answers = Concurrently.run(calls);

        assertThat(rows.byContent(profile, movie))
                .hasValueSatisfying(
                        stored -> assertThat(stored.positionSeconds()).isEqualTo(130));
        assertThat(answers).extracting(a -> a.row().positionSeconds()).containsOnly(130);
        assertThat(answers).extracting(BookmarkRows.Upserted::applied).containsExactly(false, true, false);
        assertThat(announced).containsExactly("[130, 130 late, 130 late] in transaction");
    }

    @Test
    void onATieOfRecordedAtTheLaterHeartbeatWins() {
        List<BookmarkRows.Upserted> answers = rows.upsertAll(List.of(
                heartbeat(movie, 100, base), heartbeat(movie, 200, base), heartbeat(movie, 50, base.minusSeconds(1))));

        assertThat(answers).extracting(a -> a.row().positionSeconds()).containsOnly(200);
        assertThat(answers).extracting(BookmarkRows.Upserted::applied).containsExactly(false, true, false);
        assertThat(rows.upsertAll(List.of(heartbeat(movie, 300, base))))
                .singleElement()
                .satisfies(a -> assertThat(a.applied()).isTrue());
    }

    @Test
    void aHeartbeatThatCannotBeWrittenFailsAloneAndTheOthersOfItsBatchAreCommitted() throws Exception {
        HeartbeatBatcher batcher = batcher(2);
        UUID otherMovie = new CatalogFixtures(http, jdbc).title(CatalogFixtures.word() + " Movie", Map.of());
        List<Callable<Object>> calls = List.of(() -> batcher.write(heartbeat(movie, 100, base)), () -> {
            // a title that does not exist: the foreign key refuses it
            BookmarkRows.Heartbeat broken = new BookmarkRows.Heartbeat(
                    profile, "movie", otherMovie, UUID.randomUUID(), 100, 6000, false, null, base, base);
            try {
                return batcher.write(broken);
            } catch (RuntimeException e) {
                return e;
            }
        });

        List<Object> answers = Concurrently.run(calls);

        assertThat(answers.get(0))
                .isInstanceOfSatisfying(
                        BookmarkRows.Upserted.class,
                        a -> assertThat(a.applied()).isTrue());
        assertThat(answers.get(1)).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(rows.byContent(profile, movie)).isPresent();
        assertThat(rows.byContent(profile, otherMovie)).isEmpty();
    }

    @Test
    void aHeartbeatCannotJoinTheCallersTransaction() {
        assertThatThrownBy(() -> new org.springframework.transaction.support.TransactionTemplate(transactions)
                        .executeWithoutResult(status -> batcher(1).write(heartbeat(movie, 1, base))))
                .isInstanceOf(IllegalStateException.class);
    }
}
