package io.karst.broker.internal;

import io.karst.api.Errors;
import io.karst.api.TopicPartition;
import io.karst.api.codec.BufferPool;
import io.karst.api.record.RecordBatch;
import io.karst.api.record.RecordBatchBuilder;
import io.karst.broker.internal.metrics.BrokerMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code acks=-1} append completes when the partition's high watermark passes its last offset, or
 * with REQUEST_TIMED_OUT at its timeout; {@code acks=0/1} and refusals complete at once.
 */
class PartitionAppenderTest {
    private static final TopicPartition TP = new TopicPartition("appended", 0);
    private static final short ACKS_ALL = -1;

    @TempDir
    Path dir;
    private LocalTopics local;
    private final ManualDelayTimer timer = new ManualDelayTimer();
    private PartitionAppender appender;
    private Partition partition;

    @BeforeEach
    void setUp() throws Exception {
        local = new LocalTopics(dir);
        TopicManager topics = local.topics();
        topics.create(TP.topic(), 1, (short) 1, Map.of(), false);
        partition = topics.partition(TP);
        appender = new PartitionAppender(topics, new BatchConverter(new CodecRegistry(List.of()), new BufferPool(1)),
                new Purgatory("fetch"), new Purgatory(timer), new BrokerMetrics().topics(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() throws Exception {
        local.close();
    }

    @Test
    void onOneNodeAnAcksAllAppendIsCommittedAtOnce() {
        CompletableFuture<AppendOutcome> done = appender.append(TP, record("a"), AppendOrigin.CLIENT, ACKS_ALL, 30_000)
                .toCompletableFuture();

        assertThat(done).isCompleted();
        assertThat(done.join().error()).isEqualTo(Errors.NONE);
        assertThat(timer.pending()).isZero();
    }

    @Test
    void anAcksAllAppendWaitsUntilTheHighWatermarkPassesItsLastOffset() {
        AppendOutcome ahead = AppendOutcome.appended(1, 1, -1, 0); // as a leader whose follower lags would see it
        CompletableFuture<AppendOutcome> done = appender.whenDurable(partition, ahead, ACKS_ALL, 30_000)
                .toCompletableFuture();
        assertThat(done).isNotDone();

        appender.append(TP, record("a"), AppendOrigin.CLIENT, (short) 1, 0);
        assertThat(done).isNotDone();
        appender.append(TP, record("b"), AppendOrigin.CLIENT, (short) 1, 0);

        assertThat(done).isCompletedWithValue(ahead);
        assertThat(timer.pending()).isZero();
    }

    @Test
    void anAcksAllAppendNotCommittedInTimeIsAnsweredRequestTimedOut() {
        AppendOutcome ahead = AppendOutcome.appended(5, 7, -1, 0);
        CompletableFuture<AppendOutcome> done = appender.whenDurable(partition, ahead, ACKS_ALL, 1_000)
                .toCompletableFuture();

        timer.advance(999);
        assertThat(done).isNotDone();
        timer.advance(1);

        assertThat(done.join().error()).isEqualTo(Errors.REQUEST_TIMED_OUT);
    }

    @Test
    void aRefusedOrAcksOneAppendIsAnsweredAtOnce() {
        AppendOutcome ahead = AppendOutcome.appended(5, 7, -1, 0);
        assertThat(appender.whenDurable(partition, ahead, (short) 1, 1_000).toCompletableFuture()).isCompleted();
        CompletableFuture<AppendOutcome> unknown = appender.append(new TopicPartition("missing", 0), record("a"),
                AppendOrigin.CLIENT, ACKS_ALL, 1_000).toCompletableFuture();
        assertThat(unknown.join().error()).isEqualTo(Errors.UNKNOWN_TOPIC_OR_PARTITION);
    }

    private static RecordBatch record(String value) {
        return new RecordBatchBuilder().add(1_000L, null, value.getBytes(StandardCharsets.UTF_8), List.of()).build();
    }
}
