package io.karst.storage.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.log.AppendResult;
import io.karst.api.log.LogConfig;
import io.karst.api.log.LogSlice;
import io.karst.api.record.RecordBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogTest {
    private static final TopicPartition TP = new TopicPartition("orders-eu-west", 3);
    private static final long WEEK = 7L * 24 * 60 * 60 * 1000;
    /** Small segments and a dense index, so a few hundred batches span dozens of segments. */
    private static final LogConfig SMALL = LogConfig.builder()
            .segmentBytes(4096).segmentMs(WEEK).indexIntervalBytes(256).segmentIndexBytes(4096).build();

    @TempDir
    Path root;

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    /** Every batch appended, as stamped, by base offset. */
    private final TreeMap<Long, ByteBuffer> appended = new TreeMap<>();

    private Path dir() {
        return root.resolve(TP.toString());
    }

    private Log open(LogConfig config) throws IOException {
        return Log.open(dir(), TP, config, 0, 0, true, clock, new TestHooks());
    }

    private Log openAfterCrash(LogConfig config, long recoveryPoint) throws IOException {
        return Log.open(dir(), TP, config, recoveryPoint, 0, false, clock, new TestHooks());
    }

    /** Appends {@code count} batches of 1-5 records with 0-200 byte values, one at a time. */
    private void appendRandom(Log log, int count, Random random) throws IOException {
        for (int i = 0; i < count; i++) {
            append(log, TestBatches.batch(1 + random.nextInt(5), clock.millis() + appended.size(), random.nextInt(200)));
        }
    }

    private AppendResult append(Log log, RecordBatch batch) throws IOException {
        long expectedBase = log.logEndOffset();
        AppendResult result = log.append(List.of(batch), 7, -1);
        assertThat(result.firstOffset()).isEqualTo(expectedBase);
        assertThat(result.lastOffset()).isEqualTo(expectedBase + batch.lastOffsetDelta());
        assertThat(log.logEndOffset()).isEqualTo(result.lastOffset() + 1);
        appended.put(result.firstOffset(), batch.buffer());
        return result;
    }

    private static ByteBuffer bytesOf(LogSlice slice) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(slice.sizeInBytes());
        try (FileChannel channel = FileChannel.open(slice.file())) {
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, slice.position() + bytes.position()) < 0) {
                    throw new IOException("slice " + slice + " reaches past the end of its file");
                }
            }
        }
        return bytes.flip();
    }

    /** The whole batches at the start of {@code bytes}; a cut batch at the end is dropped, as clients do. */
    private static List<RecordBatch> wholeBatches(ByteBuffer bytes) {
        List<RecordBatch> batches = new ArrayList<>();
        ByteBuffer rest = bytes.duplicate();
        while (rest.remaining() >= RecordBatch.HEADER_SIZE) {
            RecordBatch batch = RecordBatch.wrap(rest);
            if (batch.sizeInBytes() > rest.remaining()) {
                break;
            }
            batches.add(RecordBatch.wrap(rest.duplicate().limit(rest.position() + batch.sizeInBytes())));
            rest.position(rest.position() + batch.sizeInBytes());
        }
        return batches;
    }

    /** Reads every offset of the log and checks it lands in the batch that holds it, byte for byte. */
    private void assertEveryOffsetReadsItsBatch(Log log) throws IOException {
        for (long offset = log.logStartOffset(); offset < log.logEndOffset(); offset++) {
            Map.Entry<Long, ByteBuffer> expected = appended.floorEntry(offset);
            LogSlice slice = log.read(offset, 1, true);
            assertThat(slice.firstOffset()).as("first offset read at %d", offset).isEqualTo(expected.getKey());
            assertThat(bytesOf(slice)).as("batch read at %d", offset).isEqualTo(expected.getValue());
        }
    }

    @Test
    void appendAssignsDenseOffsetsAndEveryOffsetReadsItsBatch() throws IOException {
        try (Log log = open(SMALL)) {
            appendRandom(log, 400, new Random(1));

            assertThat(log.segmentCount()).isGreaterThan(30);
            assertThat(log.logStartOffset()).isZero();
            long expectedOffset = 0;
            for (Map.Entry<Long, ByteBuffer> entry : appended.entrySet()) {
                RecordBatch batch = RecordBatch.wrap(entry.getValue());
                assertThat(batch.baseOffset()).isEqualTo(expectedOffset);
                assertThat(batch.partitionLeaderEpoch()).isEqualTo(7);
                assertThat(batch.isChecksumValid()).isTrue();
                expectedOffset = batch.nextOffset();
            }
            assertThat(log.logEndOffset()).isEqualTo(expectedOffset);
            assertThat(log.sizeInBytes()).isEqualTo(appended.values().stream().mapToLong(ByteBuffer::remaining).sum());
            assertEveryOffsetReadsItsBatch(log);
        }
    }

    @Test
    void appendsSeveralBatchesAtOnceWithLogAppendTime() throws IOException {
        try (Log log = open(LogConfig.DEFAULTS)) {
            List<RecordBatch> batches = List.of(TestBatches.batch(3, 10, 5), TestBatches.batch(2, 20, 5));
            AppendResult result = log.append(batches, 4, 1_234_567L);

            assertThat(result).isEqualTo(new AppendResult(0, 4, 1_234_567L));
            List<RecordBatch> read = wholeBatches(bytesOf(log.read(0, Integer.MAX_VALUE, false)));
            assertThat(read).hasSize(2);
            assertThat(read.get(1).baseOffset()).isEqualTo(3);
            for (RecordBatch batch : read) {
                assertThat(batch.isLogAppendTime()).isTrue();
                assertThat(batch.maxTimestamp()).isEqualTo(1_234_567L);
                assertThat(batch.partitionLeaderEpoch()).isEqualTo(4);
                assertThat(batch.isChecksumValid()).isTrue();
            }
        }
    }

    @Test
    void maxBytesCutsTheSliceAndMinOneBatchKeepsTheFirstWhole() throws IOException {
        try (Log log = open(LogConfig.DEFAULTS)) {
            append(log, TestBatches.batch(1, 0, 100));
            append(log, TestBatches.batch(2, 0, 100));
            append(log, TestBatches.batch(3, 0, 100));
            int first = appended.get(0L).remaining();
            int second = appended.get(1L).remaining();
            int total = (int) log.sizeInBytes();

            assertThat(log.read(0, 10, false).sizeInBytes()).isEqualTo(10);
            assertThat(log.read(0, 10, true).sizeInBytes()).isEqualTo(first);
            assertThat(log.read(0, first + second + 5, true).sizeInBytes()).isEqualTo(first + second + 5);
            assertThat(wholeBatches(bytesOf(log.read(0, first + second + 5, false)))).hasSize(2);
            assertThat(log.read(0, Integer.MAX_VALUE, false).sizeInBytes()).isEqualTo(total);
            assertThat(log.read(0, 0, false).isEmpty()).isTrue();
            LogSlice fromSecond = log.read(2, Integer.MAX_VALUE, false);
            assertThat(fromSecond.firstOffset()).isEqualTo(1);
            assertThat(fromSecond.position()).isEqualTo(first);
            assertThat(fromSecond.sizeInBytes()).isEqualTo(total - first);
        }
    }

    @Test
    void offsetsOutsideTheLogAreOutOfRange() throws IOException {
        try (Log log = open(SMALL)) {
            appendRandom(log, 100, new Random(2));
        }
        // the oldest segment goes away, as retention will remove it
        long secondBase;
        try (Stream<Path> files = Files.list(dir())) {
            List<Path> logs = files.filter(f -> f.toString().endsWith(".log")).sorted().toList();
            secondBase = Long.parseLong(logs.get(1).getFileName().toString().substring(0, 20));
        }
        for (String suffix : List.of(".log", ".index", ".timeindex")) {
            Files.delete(dir().resolve(LogSegment.fileName(0, suffix)));
        }
        try (Log log = open(SMALL)) {
            long end = log.logEndOffset();
            assertThat(log.logStartOffset()).isEqualTo(secondBase);

            LogSlice atEnd = log.read(end, 100, true);
            assertThat(atEnd.isEmpty()).isTrue();
            assertThat(atEnd.firstOffset()).isEqualTo(end);
            for (long offset : new long[] {end + 1, secondBase - 1, 0}) {
                assertThatThrownBy(() -> log.read(offset, 100, true))
                        .isInstanceOfSatisfying(KarstException.class,
                                e -> assertThat(e.error()).isEqualTo(Errors.OFFSET_OUT_OF_RANGE))
                        .hasMessageContaining(TP.toString()).hasMessageContaining(Long.toString(offset));
            }
            assertThat(log.read(secondBase, 1, true).firstOffset()).isEqualTo(secondBase);
        }
    }

    @Test
    void reopenKeepsEverythingAndContinuesAtTheLogEnd() throws IOException {
        long end;
        int segments;
        long size;
        try (Log log = open(SMALL)) {
            appendRandom(log, 150, new Random(3));
            end = log.logEndOffset();
            segments = log.segmentCount();
            size = log.sizeInBytes();
        }
        try (Log log = open(SMALL)) {
            assertThat(log.logEndOffset()).isEqualTo(end);
            assertThat(log.segmentCount()).isEqualTo(segments);
            assertThat(log.sizeInBytes()).isEqualTo(size);
            assertEveryOffsetReadsItsBatch(log);

            appendRandom(log, 50, new Random(4));
            assertThat(appended.ceilingKey(end)).isEqualTo(end);
            assertEveryOffsetReadsItsBatch(log);
        }
    }

    @Test
    void recoveryCutsGarbageAtTheTailAtTheLastValidBatch() throws IOException {
        long end;
        long lastSegmentBase;
        long lastSegmentSize;
        try (Log log = open(SMALL)) {
            appendRandom(log, 120, new Random(5));
            end = log.logEndOffset();
            lastSegmentBase = lastSegmentBase();
            lastSegmentSize = Files.size(dir().resolve(LogSegment.fileName(lastSegmentBase, ".log")));
        }
        byte[] garbage = new byte[777];
        new Random(6).nextBytes(garbage);
        Files.write(dir().resolve(LogSegment.fileName(lastSegmentBase, ".log")), garbage, StandardOpenOption.APPEND);

        try (Log log = openAfterCrash(SMALL, end)) {
            assertThat(Files.size(dir().resolve(LogSegment.fileName(lastSegmentBase, ".log")))).isEqualTo(lastSegmentSize);
            assertThat(log.logEndOffset()).isEqualTo(end);
            assertThat(log.recoveryPoint()).isEqualTo(end);
            assertEveryOffsetReadsItsBatch(log);
            appendRandom(log, 10, new Random(7));
            assertEveryOffsetReadsItsBatch(log);
        }
    }

    @Test
    void recoveryCutsAtABatchWithABadChecksumAndDropsTheSegmentsAfterIt() throws IOException {
        int segmentsBefore;
        try (Log log = open(SMALL)) {
            appendRandom(log, 200, new Random(8));
            segmentsBefore = log.segmentCount();
        }
        // damage one byte of a record inside a batch in a middle segment
        long damagedBase = appended.floorKey(appended.lastKey() / 2);
        Path damagedFile;
        int damagedPosition;
        try (Log log = open(SMALL)) {
            LogSlice slice = log.read(damagedBase, 1, true);
            damagedFile = slice.file();
            damagedPosition = (int) slice.position();
        }
        try (FileChannel channel = FileChannel.open(damagedFile, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, damagedPosition + RecordBatch.HEADER_SIZE + 1);
            one.put(0, (byte) (one.get(0) ^ 0x55)).rewind();
            channel.write(one, damagedPosition + RecordBatch.HEADER_SIZE + 1);
        }

        try (Log log = openAfterCrash(SMALL, 0)) {
            assertThat(log.logEndOffset()).isEqualTo(damagedBase);
            assertThat(Files.size(damagedFile)).isEqualTo(damagedPosition);
            assertThat(log.segmentCount()).isLessThan(segmentsBefore);
            assertThat(lastSegmentBase()).as("no segment files after the damaged one")
                    .isEqualTo(Long.parseLong(damagedFile.getFileName().toString().substring(0, 20)));
            appended.tailMap(damagedBase, true).clear();
            assertEveryOffsetReadsItsBatch(log);
            assertThat(append(log, TestBatches.batch(1, 0, 1)).firstOffset()).isEqualTo(damagedBase);
        }
    }

    @Test
    void aDamagedSegmentBelowTheRecoveryPointIsNotValidated() throws IOException {
        long end;
        try (Log log = open(SMALL)) {
            appendRandom(log, 100, new Random(9));
            end = log.logEndOffset();
        }
        // flip a byte in the first segment: below the recovery point, so left as it is
        Path first = dir().resolve(LogSegment.fileName(0, ".log"));
        byte[] bytes = Files.readAllBytes(first);
        bytes[RecordBatch.HEADER_SIZE + 2] ^= 0x01;
        Files.write(first, bytes);

        try (Log log = openAfterCrash(SMALL, end)) {
            assertThat(log.logEndOffset()).isEqualTo(end);
            assertThat(Files.size(first)).isEqualTo(bytes.length);
        }
    }

    @Test
    void missingOrGarbageIndexFilesAreRebuiltIdentically() throws IOException {
        try (Log log = open(SMALL)) {
            appendRandom(log, 200, new Random(10));
        }
        Map<Path, byte[]> originals = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir())) {
            for (Path file : files.filter(f -> !f.toString().endsWith(".log")).toList()) {
                originals.put(file, Files.readAllBytes(file));
            }
        }
        List<Path> indexes = originals.keySet().stream().filter(f -> f.toString().endsWith(".index")).toList();
        List<Path> timeIndexes = originals.keySet().stream().filter(f -> f.toString().endsWith(".timeindex")).toList();
        Files.delete(indexes.get(1));
        Files.write(indexes.get(2), new byte[13]);
        Files.write(indexes.get(3), ByteBuffer.allocate(16).putInt(50).putInt(400).putInt(10).putInt(800).array());
        Files.delete(timeIndexes.get(4));
        Files.write(timeIndexes.get(5), ByteBuffer.allocate(24).putLong(99).putInt(3).putLong(98).putInt(4).array());
        Files.delete(indexes.get(indexes.size() - 1));

        try (Log log = open(SMALL)) {
            assertEveryOffsetReadsItsBatch(log);
        }
        for (Map.Entry<Path, byte[]> original : originals.entrySet()) {
            assertThat(Files.readAllBytes(original.getKey())).as("rebuilt %s", original.getKey())
                    .isEqualTo(original.getValue());
        }
    }

    @Test
    void aGapLeftByARebuiltSegmentIsSteppedOver() throws IOException {
        try (Log log = open(SMALL)) {
            appendRandom(log, 60, new Random(11));
        }
        // cut the last batch off the first segment and drop its index: rebuilt at start, later segments kept
        Path first = dir().resolve(LogSegment.fileName(0, ".log"));
        long secondBase = lastBaseAfter(0);
        long cutBase = appended.lowerKey(secondBase);
        int cutPosition;
        try (Log log = open(SMALL)) {
            cutPosition = (int) log.read(cutBase, 1, true).position();
        }
        try (FileChannel channel = FileChannel.open(first, StandardOpenOption.WRITE)) {
            channel.truncate(cutPosition);
        }
        Files.delete(dir().resolve(LogSegment.fileName(0, ".index")));

        try (Log log = open(SMALL)) {
            LogSlice inGap = log.read(cutBase, 1, true);
            assertThat(inGap.firstOffset()).isEqualTo(secondBase);
            assertThat(log.read(secondBase - 1, 1, true).firstOffset()).isEqualTo(secondBase);
        }
    }

    private long lastBaseAfter(long base) throws IOException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".log"))
                    .mapToLong(n -> Long.parseLong(n.substring(0, 20)))
                    .filter(b -> b > base)
                    .min().orElseThrow();
        }
    }

    private long lastSegmentBase() throws IOException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".log"))
                    .mapToLong(n -> Long.parseLong(n.substring(0, 20)))
                    .max().orElseThrow();
        }
    }

    @Test
    void segmentFilesAreNamedByTwentyDigitBaseOffsets() throws IOException {
        try (Log log = open(SMALL)) {
            appendRandom(log, 200, new Random(12));
            List<String> names;
            try (Stream<Path> files = Files.list(dir())) {
                names = files.map(f -> f.getFileName().toString()).sorted().toList();
            }
            assertThat(names).allMatch(n -> n.matches("\\d{20}\\.(log|index|timeindex)"));
            assertThat(names).hasSize(3 * log.segmentCount());
            assertThat(names).contains("00000000000000000000.log", "00000000000000000000.index",
                    "00000000000000000000.timeindex");
            for (String name : names) {
                long base = Long.parseLong(name.substring(0, 20));
                assertThat(appended).as("a batch starts at the base offset of %s", name).containsKey(base);
            }
        }
    }

    @Test
    void aRollFlushesTheSegmentsBelowTheNewOneOffTheAppendingThread() throws IOException {
        TestHooks hooks = new TestHooks();
        try (Log log = Log.open(dir(), TP, SMALL, 0, 0, true, clock, hooks)) {
            appendRandom(log, 200, new Random(23));
            long activeBase = lastSegmentBase();
            assertThat(activeBase).as("the appends rolled segments").isPositive();
            assertThat(log.recoveryPoint()).as("nothing is forced inside an append").isZero();

            hooks.runScheduled();

            assertThat(log.recoveryPoint()).isEqualTo(activeBase);
        }
        try (Log log = openAfterCrash(SMALL, lastSegmentBase())) {
            assertEveryOffsetReadsItsBatch(log);
        }
    }

    @Test
    void indexesArePreallocatedWhileActiveAndTrimmedToTheirEntriesOnRollAndClose() throws IOException {
        long activeBase;
        try (Log log = open(SMALL)) {
            appendRandom(log, 200, new Random(17));
            activeBase = lastSegmentBase();
            assertThat(Files.size(dir().resolve(LogSegment.fileName(activeBase, ".index"))))
                    .isEqualTo(SMALL.segmentIndexBytes());
            assertThat(Files.size(dir().resolve(LogSegment.fileName(activeBase, ".timeindex"))))
                    .isEqualTo(SMALL.segmentIndexBytes() / TimeIndex.ENTRY_SIZE * TimeIndex.ENTRY_SIZE);
            assertIndexesTrimmed(0, activeBase);
        }
        assertIndexesTrimmed(activeBase, Long.MAX_VALUE);
    }

    /** Checks the index sizes of the segments with base offsets in [from, to) against the indexing rule. */
    private void assertIndexesTrimmed(long from, long to) throws IOException {
        int checked = 0;
        for (long base = from; base < to; base = base == lastSegmentBase() ? Long.MAX_VALUE : lastBaseAfter(base)) {
            long segmentEnd = base == lastSegmentBase() ? Long.MAX_VALUE : lastBaseAfter(base);
            int expectedEntries = 0;
            int position = 0;
            int lastIndexed = 0;
            // an entry for each batch more than index.interval.bytes after the last indexed one
            for (ByteBuffer batch : appended.subMap(base, segmentEnd).values()) {
                if (position - lastIndexed > SMALL.indexIntervalBytes()) {
                    expectedEntries++;
                    lastIndexed = position;
                }
                position += batch.remaining();
            }
            assertThat(Files.size(dir().resolve(LogSegment.fileName(base, ".index"))))
                    .isEqualTo(expectedEntries * (long) OffsetIndex.ENTRY_SIZE);
            long timeIndexSize = Files.size(dir().resolve(LogSegment.fileName(base, ".timeindex")));
            assertThat(timeIndexSize % TimeIndex.ENTRY_SIZE).isZero();
            assertThat(timeIndexSize).isBetween((long) TimeIndex.ENTRY_SIZE, (expectedEntries + 1L) * TimeIndex.ENTRY_SIZE);
            checked++;
        }
        assertThat(checked).isPositive();
    }

    @Test
    void indexEntriesPointAtTheBatchWhoseLastOffsetTheyHold() throws IOException {
        try (Log log = open(SMALL)) {
            appendRandom(log, 200, new Random(13));
        }
        long lastBase = lastSegmentBase();
        for (long base = 0; base <= lastBase; base = base == lastBase ? Long.MAX_VALUE : lastBaseAfter(base)) {
            try (RecordBatchFile file = RecordBatchFile.open(dir().resolve(LogSegment.fileName(base, ".log")))) {
                OffsetIndex index = new OffsetIndex(dir().resolve(LogSegment.fileName(base, ".index")), base, 4096, false);
                int previous = 0;
                for (int i = 0; i < index.entries(); i++) {
                    OffsetPosition entry = index.entry(i);
                    RecordBatch header = file.readHeader(entry.position(), file.size());
                    assertThat(header.lastOffset()).isEqualTo(entry.offset());
                    assertThat(entry.position() - previous).isGreaterThan(SMALL.indexIntervalBytes());
                    previous = entry.position();
                }
            }
            TimeIndex timeIndex = new TimeIndex(dir().resolve(LogSegment.fileName(base, ".timeindex")), base, 4096, false);
            for (int i = 0; i < timeIndex.entries(); i++) {
                TimestampOffset entry = timeIndex.entry(i);
                RecordBatch batch = RecordBatch.wrap(appended.floorEntry(entry.offset()).getValue());
                assertThat(batch.lastOffset()).isEqualTo(entry.offset());
                assertThat(batch.maxTimestamp()).isEqualTo(entry.timestamp());
            }
        }
    }

    @Test
    void rollsWhenTheActiveSegmentIsOlderThanSegmentMsButNeverAnEmptyOne() throws IOException {
        LogConfig hourly = LogConfig.builder()
                .segmentBytes(1 << 20).segmentMs(3_600_000).segmentIndexBytes(4096).build();
        try (Log log = open(hourly)) {
            clock.advance(3_600_001);
            append(log, TestBatches.batch(1, 0, 10));
            assertThat(log.segmentCount()).as("an empty segment is not rolled").isEqualTo(1);
            append(log, TestBatches.batch(1, 0, 10));
            assertThat(log.segmentCount()).isEqualTo(2);
            assertThat(Files.exists(dir().resolve(LogSegment.fileName(1, ".log")))).isTrue();

            clock.advance(3_600_000);
            append(log, TestBatches.batch(1, 0, 10));
            assertThat(log.segmentCount()).as("an hour old is not older than an hour").isEqualTo(2);
            clock.advance(1);
            append(log, TestBatches.batch(1, 0, 10));
            assertThat(log.segmentCount()).isEqualTo(3);
            assertEveryOffsetReadsItsBatch(log);
        }
    }

    @Test
    void rollsWhenAnIndexIsFull() throws IOException {
        // 24 bytes: three offset entries but only one time entry besides the slot kept for sealing
        LogConfig tinyIndexes = LogConfig.builder()
                .segmentBytes(1 << 20).segmentMs(WEEK).indexIntervalBytes(0).segmentIndexBytes(24).build();
        try (Log log = open(tinyIndexes)) {
            appendRandom(log, 30, new Random(14));
            assertThat(log.segmentCount()).isEqualTo(15);
            assertEveryOffsetReadsItsBatch(log);
        }
    }

    @Test
    void forEachBatchGivesTheHeaderOfEveryBatchFromTheOffset() throws IOException {
        try (Log log = open(SMALL)) {
            appendRandom(log, 100, new Random(15));
            long from = appended.lastKey() / 3 + 1;
            List<Long> seen = new ArrayList<>();
            log.forEachBatch(from, header -> {
                RecordBatch expected = RecordBatch.wrap(appended.get(header.baseOffset()));
                assertThat(header.lastOffset()).isEqualTo(expected.lastOffset());
                assertThat(header.recordsCount()).isEqualTo(expected.recordsCount());
                assertThat(header.maxTimestamp()).isEqualTo(expected.maxTimestamp());
                assertThat(header.producerId()).isEqualTo(-1L);
                seen.add(header.baseOffset());
            });
            List<Long> expectedBases = appended.keySet().stream()
                    .filter(base -> RecordBatch.wrap(appended.get(base)).lastOffset() >= from).toList();
            assertThat(seen).isEqualTo(expectedBases);
        }
    }

    @Test
    void aClosedLogRefusesAppendsAndReads() throws IOException {
        Log log = open(LogConfig.DEFAULTS);
        log.close();
        assertThatThrownBy(() -> log.append(List.of(TestBatches.batch(1, 0, 1)), 0, -1))
                .isInstanceOf(KarstException.class).hasMessageContaining(TP.toString());
        assertThatThrownBy(() -> log.read(0, 1, true)).isInstanceOf(KarstException.class);
    }

    @Test
    void readersNeverSeeAPartlyWrittenBatch() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try (Log log = open(SMALL)) {
            AtomicBoolean writing = new AtomicBoolean(true);
            Future<?> writer = threads.submit(() -> {
                Random random = new Random(16);
                try {
                    for (int i = 0; i < 1500; i++) {
                        log.append(List.of(TestBatches.batch(1 + random.nextInt(5), i, random.nextInt(300))), 0, -1);
                    }
                } finally {
                    writing.set(false);
                }
                return null;
            });
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(threads.submit(() -> {
                    Random random = new Random();
                    int reads = 0;
                    while (writing.get() || reads < 200) {
                        long end = log.logEndOffset();
                        long offset = end == 0 ? 0 : (long) (random.nextDouble() * (end + 1));
                        LogSlice slice = log.read(offset, 2000, true);
                        if (offset == end) {
                            continue;
                        }
                        List<RecordBatch> batches = wholeBatches(bytesOf(slice));
                        assertThat(batches).isNotEmpty();
                        assertThat(batches.get(0).baseOffset()).isLessThanOrEqualTo(offset);
                        assertThat(batches.get(0).lastOffset()).isGreaterThanOrEqualTo(offset);
                        assertThat(batches).allMatch(RecordBatch::isChecksumValid);
                        reads++;
                    }
                    return reads;
                }));
            }
            writer.get(60, TimeUnit.SECONDS);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
