package io.karst.storage.internal;

import io.karst.api.TopicPartition;
import io.karst.api.log.CleanupPolicy;
import io.karst.api.log.LogConfig;
import io.karst.api.log.LogSlice;
import io.karst.api.record.RecordBatch;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.FileLogInputStream.FileChannelRecordBatch;
import org.apache.kafka.common.record.internal.FileRecords;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compaction checked against a reference map: after a pass the closed segments hold exactly the latest
 * record of each key at its original offset and timestamp, tombstones stay until their horizon has passed,
 * the active segment is untouched, and Apache Kafka's own reader finds every rewritten batch valid.
 */
class LogCleanerTest {
    private static final TopicPartition TP = new TopicPartition("compacted", 0);
    private static final long T0 = 1_700_000_000_000L;
    private static final long DELETE_RETENTION_MS = 60_000;
    private static final LogConfig COMPACTED = LogConfig.builder()
            .segmentBytes(4096).indexIntervalBytes(256).segmentIndexBytes(4096)
            .cleanupPolicy(CleanupPolicy.COMPACT).deleteRetentionMs(DELETE_RETENTION_MS).build();

    @TempDir
    Path root;

    private final ManualClock clock = new ManualClock(T0);
    private final TestHooks hooks = new TestHooks();
    /** Every record appended, by offset: key, value (null for a tombstone) and timestamp. */
    private final TreeMap<Long, Written> written = new TreeMap<>();

    private record Written(String key, String value, long timestamp) {
    }

    private Path dir() {
        return root.resolve(TP.toString());
    }

    private Log open(boolean cleanShutdown) throws IOException {
        return Log.open(dir(), TP, COMPACTED, 0, 0, cleanShutdown, clock, hooks);
    }

    private LogCleaner cleaner(Log log) {
        return new LogCleaner(new OffsetCheckpoint(root, OffsetCheckpoint.CLEANER_OFFSET_FILE), () -> List.of(log),
                clock, new Throttler(Double.MAX_VALUE));
    }

    /** Batches of 1-5 records over 40 keys, one value in seven a tombstone. */
    private void appendRandom(Log log, int batches, Random random) throws IOException {
        appendRandom(log, batches, random, "key-");
    }

    private void appendRandom(Log log, int batches, Random random, String keyPrefix) throws IOException {
        for (int b = 0; b < batches; b++) {
            SimpleRecord[] records = new SimpleRecord[1 + random.nextInt(5)];
            long base = log.logEndOffset();
            for (int r = 0; r < records.length; r++) {
                String key = keyPrefix + random.nextInt(40);
                String value = random.nextInt(7) == 0 ? null : "value-" + (base + r) + "-" + "x".repeat(random.nextInt(60));
                long timestamp = T0 + base + r;
                records[r] = new SimpleRecord(timestamp, bytes(key), bytes(value));
                written.put(base + r, new Written(key, value, timestamp));
            }
            log.append(List.of(RecordBatch.wrap(MemoryRecords.withRecords(Compression.NONE, records).buffer())), 0, -1);
        }
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /** What compaction of offsets below {@code cleanedEnd} must leave: the latest of each key, tombstones if kept. */
    private TreeMap<Long, Written> expectedAfterCleaning(long cleanedEnd, boolean tombstonesKept) {
        Map<String, Long> latest = new HashMap<>();
        written.headMap(cleanedEnd).forEach((offset, record) -> latest.put(record.key(), offset));
        TreeMap<Long, Written> expected = new TreeMap<>(written.tailMap(cleanedEnd));
        latest.forEach((key, offset) -> {
            Written record = written.get(offset);
            if (record.value() != null || tombstonesKept) {
                expected.put(offset, record);
            }
        });
        return expected;
    }

    /** Every record in the folder's segments, read and validated by Kafka's own classes. */
    private TreeMap<Long, Written> readWithKafka() throws IOException {
        TreeMap<Long, Written> read = new TreeMap<>();
        List<Path> segments;
        try (Stream<Path> files = Files.list(dir())) {
            segments = files.filter(f -> f.toString().endsWith(".log")).sorted().toList();
        }
        for (Path segment : segments) {
            try (FileRecords records = FileRecords.open(segment.toFile(), false)) {
                for (FileChannelRecordBatch batch : records.batches()) {
                    batch.ensureValid();
                    for (Record record : batch) {
                        read.put(record.offset(), new Written(string(record.key()),
                                record.hasValue() ? string(record.value()) : null, record.timestamp()));
                    }
                }
            }
        }
        return read;
    }

    private static String string(java.nio.ByteBuffer buffer) {
        return buffer == null ? null : StandardCharsets.UTF_8.decode(buffer).toString();
    }

    @Test
    void keepsTheLatestRecordOfEachKeyAtItsOffsetAndDropsTombstonesAfterTheirHorizon() throws IOException {
        Random random = new Random(41);
        try (Log log = open(true)) {
            appendRandom(log, 400, random);
            long end = log.logEndOffset();
            long firstPassEnd = log.activeSegmentBaseOffset();
            long sizeBefore = log.sizeInBytes();
            LogCleaner cleaner = cleaner(log);
            assertThat(cleaner.dirtyRatio(log)).isEqualTo(1.0);

            LogCleaner.CleanResult result = cleaner.clean(log);
            assertThat(result.bytesWritten()).isLessThan(result.bytesRead() / 3);
            assertThat(log.sizeInBytes()).isEqualTo(sizeBefore - result.bytesRead() + result.bytesWritten());
            assertThat(cleaner.dirtyRatio(log)).isZero();
            assertThat(readWithKafka()).isEqualTo(expectedAfterCleaning(firstPassEnd, true));
            assertThat(log.logEndOffset()).isEqualTo(end);
            assertThat(log.logStartOffset()).isZero();

            // the replaced segments wait as .deleted for file.delete.delay.ms
            hooks.runScheduled();
            try (Stream<Path> files = Files.list(dir())) {
                assertThat(files.map(Path::toString)).noneMatch(n -> n.endsWith(".deleted") || n.endsWith(".swap")
                        || n.endsWith(".cleaned"));
            }

            // other keys, so the first pass's tombstones stay their keys' latest records
            appendRandom(log, 200, random, "other-key-");
            clock.advance(DELETE_RETENTION_MS - 1);
            cleaner.clean(log);
            assertThat(readWithKafka()).as("the horizon is not passed yet")
                    .isEqualTo(expectedAfterCleaning(log.activeSegmentBaseOffset(), true));

            clock.advance(1);
            long secondPassEnd = log.activeSegmentBaseOffset();
            cleaner.clean(log);
            TreeMap<Long, Written> after = readWithKafka();
            // tombstones from the first pass are past their horizon; those first seen in the second pass stay
            TreeMap<Long, Written> expected = expectedAfterCleaning(secondPassEnd, true);
            expected.entrySet().removeIf(e -> e.getKey() < firstPassEnd && e.getValue().value() == null);
            assertThat(after).isEqualTo(expected);
            assertThat(expectedAfterCleaning(firstPassEnd, true).values()).as("tombstones were kept at first")
                    .anyMatch(w -> w.value() == null);
            assertThat(after.headMap(firstPassEnd).values()).noneMatch(w -> w.value() == null);
            assertThat(after.tailMap(firstPassEnd).values()).anyMatch(w -> w.value() == null);
        }
        // every index and batch is still valid: a full recovery changes nothing
        TreeMap<Long, Written> beforeReopen = readWithKafka();
        try (Log log = open(false)) {
            assertThat(readWithKafka()).isEqualTo(beforeReopen);
            for (long offset : beforeReopen.keySet()) {
                assertThat(log.read(offset, 1, true).firstOffset()).isLessThanOrEqualTo(offset);
            }
        }
    }

    @Test
    void aSliceReadBeforeASwapStillSendsTheBytesItWasMadeOver() throws IOException {
        try (Log log = open(true)) {
            appendRandom(log, 400, new Random(44));
            LogSlice before = log.read(0, 4096, true);
            java.nio.ByteBuffer expected = java.nio.ByteBuffer.allocate(before.sizeInBytes());
            before.channel().read(expected, before.position());

            cleaner(log).clean(log);
            assertThat(log.read(0, 4096, true).channel()).as("a cleaned segment took the name")
                    .isNotSameAs(before.channel());

            // a fetch answered before the swap goes on sending the old segment's bytes until file.delete.delay.ms
            java.nio.ByteBuffer sent = java.nio.ByteBuffer.allocate(before.sizeInBytes());
            before.channel().read(sent, before.position());
            assertThat(sent.flip()).isEqualTo(expected.flip());
        }
    }

    @Test
    void compressedBatchesAreKeptWhole() throws IOException {
        try (Log log = open(true)) {
            for (int i = 0; i < 30; i++) {
                log.append(List.of(RecordBatch.wrap(MemoryRecords.withRecords(Compression.gzip().build(),
                        new SimpleRecord(T0, bytes("k"), bytes("v" + i + "x".repeat(300)))).buffer())), 0, -1);
            }
            long sizeBefore = log.sizeInBytes();
            cleaner(log).clean(log);
            assertThat(log.sizeInBytes()).isEqualTo(sizeBefore);
        }
    }

    @Test
    void aSwapLeftByACrashReplacesTheSegmentsItCoversAndLeftoversGo() throws IOException {
        Random random = new Random(43);
        try (Log log = open(true)) {
            appendRandom(log, 100, random);
        }
        List<Path> logs;
        try (Stream<Path> files = Files.list(dir())) {
            logs = files.filter(f -> f.toString().endsWith(".log")).sorted().toList();
        }
        assertThat(logs.size()).isGreaterThan(3);
        // a "cleaned" copy of the first two segments, swapped in by nobody yet
        byte[] first = Files.readAllBytes(logs.get(0));
        byte[] second = Files.readAllBytes(logs.get(1));
        byte[] swap = new byte[first.length + second.length];
        System.arraycopy(first, 0, swap, 0, first.length);
        System.arraycopy(second, 0, swap, first.length, second.length);
        Files.write(dir().resolve(LogSegment.fileName(0, ".log.swap")), swap);
        Files.write(dir().resolve(LogSegment.fileName(0, ".index.swap")), new byte[8]);
        Files.write(dir().resolve(LogSegment.fileName(7, ".log.cleaned")), new byte[100]);
        Files.write(dir().resolve(LogSegment.fileName(9, ".log.deleted")), new byte[100]);
        TreeMap<Long, Written> before = readWithKafka();

        try (Log log = open(false)) {
            assertThat(log.segmentCount()).isEqualTo(logs.size() - 1);
            assertThat(log.logEndOffset()).isEqualTo(written.lastKey() + 1);
            try (Stream<Path> files = Files.list(dir())) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .noneMatch(n -> n.endsWith(".swap") || n.endsWith(".cleaned") || n.endsWith(".deleted"))
                        .doesNotContain(logs.get(1).getFileName().toString());
            }
            assertThat(readWithKafka()).isEqualTo(before);
        }
    }
}
