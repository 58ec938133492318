package io.karst.storage.internal;

import io.karst.api.TopicPartition;
import io.karst.api.log.LogConfig;
import io.karst.api.log.TimestampAndOffset;
import io.karst.api.record.RecordBatch;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Look-ups by time through the time indexes of many segments, checked against the plain answer: the
 * first record, in offset order, whose timestamp is at or after the time.
 */
class LogTimeLookupTest {
    private static final TopicPartition TP = new TopicPartition("timed", 0);
    private static final long T0 = 1_700_000_000_000L;
    /** Small segments and a dense index: a thousand batches span dozens of segments with many time entries. */
    private static final LogConfig SMALL = LogConfig.builder()
            .segmentBytes(8192).indexIntervalBytes(300).segmentIndexBytes(4096).build();

    @TempDir
    Path root;

    /** Every record appended: offset and timestamp, in offset order. */
    private final List<long[]> records = new ArrayList<>();

    private Log open() throws IOException {
        return Log.open(root.resolve(TP.toString()), TP, SMALL, 0, 0, true, new ManualClock(T0), new TestHooks());
    }

    private Optional<TimestampAndOffset> expected(long timestamp, long logStartOffset) {
        return records.stream()
                .filter(r -> r[0] >= logStartOffset && r[1] >= timestamp)
                .findFirst()
                .map(r -> new TimestampAndOffset(r[1], r[0]));
    }

    /** Batches of 1-8 records whose timestamps wander: mostly rising, sometimes falling back. */
    private void appendWandering(Log log, int batches, Random random) throws IOException {
        long clock = T0;
        for (int b = 0; b < batches; b++) {
            SimpleRecord[] batch = new SimpleRecord[1 + random.nextInt(8)];
            for (int r = 0; r < batch.length; r++) {
                clock += random.nextInt(10) - 3;
                batch[r] = new SimpleRecord(clock, null, new byte[random.nextInt(100)]);
            }
            long base = log.logEndOffset();
            log.append(List.of(RecordBatch.wrap(MemoryRecords.withRecords(Compression.NONE, batch).buffer())), 0, -1);
            for (int r = 0; r < batch.length; r++) {
                records.add(new long[] {base + r, batch[r].timestamp()});
            }
        }
    }

    @Test
    void everyTimeFindsTheFirstRecordAtOrAfterItAcrossManySegments() throws IOException {
        Random random = new Random(31);
        try (Log log = open()) {
            appendWandering(log, 1000, random);
            assertThat(log.segmentCount()).isGreaterThan(20);
            long lowest = records.stream().mapToLong(r -> r[1]).min().orElseThrow();
            long highest = records.stream().mapToLong(r -> r[1]).max().orElseThrow();
            for (long t = lowest - 5; t <= highest + 5; t++) {
                assertThat(log.offsetForTimestamp(t)).as("time %d", t).isEqualTo(expected(t, 0));
            }
            log.deleteRecordsBefore(records.size() / 2);
            for (int i = 0; i < 2000; i++) {
                long t = lowest + random.nextInt((int) (highest - lowest + 1));
                assertThat(log.offsetForTimestamp(t)).as("time %d after DeleteRecords", t)
                        .isEqualTo(expected(t, records.size() / 2));
            }
        }
        // the same answers from indexes read back from disk (the log start is not checkpointed here)
        try (Log log = open()) {
            for (int i = 0; i < 2000; i++) {
                long t = T0 + random.nextInt(4000);
                assertThat(log.offsetForTimestamp(t)).isEqualTo(expected(t, log.logStartOffset()));
            }
        }
    }

    @Test
    void aCompressedBatchAnswersWithItsFirstOffsetAndGreatestTimestamp() throws IOException {
        try (Log log = open()) {
            log.append(List.of(RecordBatch.wrap(MemoryRecords.withRecords(Compression.NONE,
                    new SimpleRecord(T0, null, new byte[1])).buffer())), 0, -1);
            log.append(List.of(RecordBatch.wrap(MemoryRecords.withRecords(Compression.gzip().build(),
                    new SimpleRecord(T0 + 10, null, new byte[1]), new SimpleRecord(T0 + 20, null, new byte[1]),
                    new SimpleRecord(T0 + 30, null, new byte[1])).buffer())), 0, -1);

            assertThat(log.offsetForTimestamp(T0 + 25)).contains(new TimestampAndOffset(T0 + 30, 1));
            assertThat(log.offsetForTimestamp(T0 + 31)).isEmpty();
        }
    }

    @Test
    void logAppendTimeBatchesAnswerWithTheAppendTime() throws IOException {
        try (Log log = open()) {
            log.append(List.of(TestBatches.batch(3, 5, 10)), 0, T0 + 100);
            log.append(List.of(TestBatches.batch(3, 5, 10)), 0, T0 + 200);
            assertThat(log.offsetForTimestamp(T0 + 150)).contains(new TimestampAndOffset(T0 + 200, 3));
            assertThat(log.offsetForTimestamp(0)).contains(new TimestampAndOffset(T0 + 100, 0));
        }
    }
}
