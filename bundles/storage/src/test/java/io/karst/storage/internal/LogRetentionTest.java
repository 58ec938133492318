package io.karst.storage.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.log.LogConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Retention by time and size, DeleteRecords and flush.messages, with a clock the test moves. */
class LogRetentionTest {
    private static final TopicPartition TP = new TopicPartition("retained", 0);
    private static final long HOUR = 3_600_000L;
    private static final long T0 = 1_700_000_000_000L;
    /** ~1 KiB batches, 4 per 4 KiB segment. */
    private static final LogConfig SMALL = LogConfig.builder()
            .segmentBytes(4096).segmentMs(7 * 24 * HOUR).indexIntervalBytes(256).segmentIndexBytes(4096).build();

    @TempDir
    Path root;

    private final ManualClock clock = new ManualClock(T0);
    private final TestHooks hooks = new TestHooks();

    private Log open(LogConfig config) throws IOException {
        return Log.open(root.resolve(TP.toString()), TP, config, 0, 0, true, clock, hooks);
    }

    /** Appends {@code count} batches of one 900-byte record, stamped with the clock. */
    private static void append(Log log, int count, ManualClock clock) throws IOException {
        for (int i = 0; i < count; i++) {
            log.append(List.of(TestBatches.batch(1, clock.millis(), 900)), 0, -1);
        }
    }

    private List<String> files(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(TP.toString()))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void segmentsWhoseNewestRecordIsOlderThanRetentionMsGoWholeAndLater() throws IOException {
        try (Log log = open(SMALL.toBuilder().retentionMs(2 * HOUR).build())) {
            append(log, 12, clock);              // offsets 0-11 at T0: 3 segments of 4
            clock.advance(HOUR);
            append(log, 8, clock);               // offsets 12-19 at T0 + 1 h
            assertThat(log.segmentCount()).isEqualTo(5);

            clock.advance(HOUR);
            assertThat(log.deleteOldSegments()).as("exactly 2 h old is not older than 2 h").isZero();
            clock.advance(1);
            assertThat(log.deleteOldSegments()).isEqualTo(3);

            assertThat(log.logStartOffset()).isEqualTo(12);
            assertThat(log.segmentCount()).isEqualTo(2);
            assertThat(hooks.startOffsetMoves).isEqualTo(1);
            assertThat(files(".log.deleted")).hasSize(3);
            assertThat(files(".index.deleted")).hasSize(3);
            assertThat(files(".timeindex.deleted")).hasSize(3);
            assertThat(hooks.delays()).as("flushes after the rolls, then the deletions")
                    .containsOnly(0L, LogConfig.DEFAULT_FILE_DELETE_DELAY_MS);
            assertThatThrownBy(() -> log.read(11, 100, true)).isInstanceOfSatisfying(KarstException.class,
                    e -> assertThat(e.error()).isEqualTo(Errors.OFFSET_OUT_OF_RANGE));
            assertThat(log.read(12, 100, true).firstOffset()).isEqualTo(12);

            hooks.runScheduled();
            assertThat(files(".deleted")).isEmpty();
            assertThat(files(".log")).containsExactly(LogSegment.fileName(12, ".log"), LogSegment.fileName(16, ".log"));

            clock.advance(10 * HOUR);
            assertThat(log.deleteOldSegments()).as("the active segment always stays").isEqualTo(1);
            assertThat(log.segmentCount()).isEqualTo(1);
        }
    }

    @Test
    void theOldestSegmentsGoWhileTheLogWithoutThemIsStillAtLeastRetentionBytes() throws IOException {
        try (Log log = open(SMALL)) {
            append(log, 20, clock);
            long segmentBytes = log.sizeInBytes() / 5;
            assertThat(log.deleteOldSegments()).as("retention.bytes -1 keeps everything").isZero();

            log.updateConfig(SMALL.toBuilder().retentionMs(-1).retentionBytes(2 * segmentBytes + 1).build());
            assertThat(log.deleteOldSegments()).isEqualTo(2);
            assertThat(log.sizeInBytes()).isEqualTo(3 * segmentBytes);
            assertThat(log.logStartOffset()).isEqualTo(8);

            log.updateConfig(SMALL.toBuilder().retentionMs(-1).retentionBytes(0).build());
            assertThat(log.deleteOldSegments()).isEqualTo(2);
            assertThat(log.segmentCount()).isEqualTo(1);
        }
    }

    @Test
    void aCompactedLogIsNotTrimmedByAgeOrSize() throws IOException {
        LogConfig compacted = SMALL.toBuilder().retentionMs(1).retentionBytes(0)
                .cleanupPolicy(io.karst.api.log.CleanupPolicy.COMPACT).deleteRetentionMs(0).build();
        try (Log log = open(compacted)) {
            append(log, 12, clock);
            clock.advance(HOUR);
            assertThat(log.deleteOldSegments()).isZero();
            log.updateConfig(SMALL.toBuilder().retentionMs(1)
                    .cleanupPolicy(io.karst.api.log.CleanupPolicy.COMPACT_DELETE).deleteRetentionMs(0).build());
            assertThat(log.deleteOldSegments()).isEqualTo(2);
        }
    }

    @Test
    void deleteRecordsMovesTheStartWithinASegmentAndDropsSegmentsWhollyBelowIt() throws IOException {
        try (Log log = open(SMALL)) {
            append(log, 20, clock);
            assertThat(log.deleteRecordsBefore(6)).isEqualTo(6);
            assertThat(log.segmentCount()).as("offsets 0-3 went, 4-7 stay for 6 and 7").isEqualTo(4);
            assertThat(log.logStartOffset()).isEqualTo(6);
            assertThatThrownBy(() -> log.read(5, 100, true)).isInstanceOf(KarstException.class);
            assertThat(log.read(6, 1, true).firstOffset()).isEqualTo(6);

            assertThat(log.deleteRecordsBefore(2)).as("the start never moves back").isEqualTo(6);
            assertThatThrownBy(() -> log.deleteRecordsBefore(21)).isInstanceOfSatisfying(KarstException.class,
                    e -> assertThat(e.error()).isEqualTo(Errors.OFFSET_OUT_OF_RANGE));
            assertThat(log.deleteRecordsBefore(20)).isEqualTo(20);
            assertThat(log.read(20, 100, true).isEmpty()).isTrue();
            assertThat(log.offsetForTimestamp(0)).isEmpty();
        }
    }

    @Test
    void theLogStartOffsetSurvivesARestartOfTheStore() throws IOException {
        Path logDir = root.resolve("store");
        try (FileLogStore store = new FileLogStore(logDir, SMALL)) {
            Log log = (Log) store.getOrCreate(TP, SMALL);
            append(log, 10, clock);
            log.deleteRecordsBefore(5);
        }
        assertThat(Files.readString(logDir.resolve(OffsetCheckpoint.LOG_START_OFFSET_FILE)))
                .isEqualTo("0\n1\n" + TP.topic() + " 0 5\n");
        try (FileLogStore store = new FileLogStore(logDir, SMALL)) {
            assertThat(store.get(TP).orElseThrow().logStartOffset()).isEqualTo(5);
        }
    }

    @Test
    void flushMessagesForcesTheLogOnceThatManyRecordsAreUnflushed() throws IOException {
        try (Log log = open(SMALL.toBuilder().flushMessages(5).fileDeleteDelayMs(0).build())) {
            append(log, 4, clock);
            assertThat(log.recoveryPoint()).isZero();
            append(log, 1, clock);
            assertThat(log.recoveryPoint()).isEqualTo(5);
        }
    }

    @Test
    void flushMsForcesTheLogWhenUnflushedDataIsThatOld() throws IOException {
        try (Log log = open(SMALL.toBuilder().flushMs(1000).fileDeleteDelayMs(0).build())) {
            append(log, 3, clock);
            log.flushIfDue();
            assertThat(log.recoveryPoint()).isZero();
            clock.advance(1000);
            log.flushIfDue();
            assertThat(log.recoveryPoint()).isEqualTo(3);
        }
    }
}
