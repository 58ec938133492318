package io.karst.storage.internal;

import io.karst.api.TopicPartition;
import io.karst.api.log.LogConfig;
import io.karst.api.log.PartitionLog;
import io.karst.api.record.RecordBatch;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.FileLogInputStream.FileChannelRecordBatch;
import org.apache.kafka.common.record.internal.FileRecords;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.storage.internals.checkpoint.OffsetCheckpointFile;
import org.apache.kafka.storage.internals.log.LogDirFailureChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our files read by Apache Kafka's own classes (the ones its broker and DumpLogSegments use), and
 * theirs by ours: the byte compatibility the storage promises.
 */
class KafkaCompatibilityTest {
    private static final LogConfig SMALL = LogConfig.builder()
            .segmentBytes(4096).indexIntervalBytes(256).segmentIndexBytes(4096).build();
    private static final TopicPartition TP = new TopicPartition("compat-topic", 0);
    private static final long NOW = 1_700_000_000_000L;

    @TempDir
    Path logDir;

    /** Appends batches that Kafka's client code built, a few stamped with LogAppendTime. */
    private long appendKafkaBatches(PartitionLog log) throws IOException {
        Random random = new Random(21);
        for (int i = 0; i < 300; i++) {
            SimpleRecord[] records = new SimpleRecord[1 + random.nextInt(5)];
            for (int r = 0; r < records.length; r++) {
                byte[] value = new byte[random.nextInt(150)];
                random.nextBytes(value);
                // timestamps wander, so the greatest is not always in the newest batch
                records[r] = new SimpleRecord(NOW + i * 3L + random.nextInt(20),
                        ("key-" + i).getBytes(StandardCharsets.UTF_8), value);
            }
            ByteBuffer bytes = MemoryRecords.withRecords(Compression.NONE, records).buffer();
            log.append(List.of(RecordBatch.wrap(bytes)), 3, i % 40 == 0 ? NOW + i * 3L : -1);
        }
        return log.logEndOffset();
    }

    @Test
    void kafkaReadsOurSegmentsIndexesAndCheckpointAndFindsThemConsistent() throws IOException {
        long end;
        try (FileLogStore store = new FileLogStore(logDir, SMALL)) {
            end = appendKafkaBatches(store.getOrCreate(TP, SMALL));
        }
        Path dir = logDir.resolve(TP.toString());
        List<Path> segments;
        try (Stream<Path> files = Files.list(dir)) {
            segments = files.filter(f -> f.toString().endsWith(".log")).sorted().toList();
        }
        assertThat(segments).hasSizeGreaterThan(10);

        long nextOffset = 0;
        for (Path segment : segments) {
            long base = Long.parseLong(segment.getFileName().toString().substring(0, 20));
            assertThat(base).isEqualTo(nextOffset);
            // batches by last offset: their position and greatest record timestamp
            TreeMap<Long, Integer> positionByLastOffset = new TreeMap<>();
            Map<Long, Long> maxTimestampByLastOffset = new TreeMap<>();
            try (FileRecords records = FileRecords.open(segment.toFile(), false)) {
                for (FileChannelRecordBatch batch : records.batches()) {
                    batch.ensureValid();
                    assertThat(batch.baseOffset()).isEqualTo(nextOffset);
                    assertThat(batch.partitionLeaderEpoch()).isEqualTo(3);
                    long offset = batch.baseOffset();
                    long maxTimestamp = -1;
                    for (Record record : batch) {
                        assertThat(record.offset()).isEqualTo(offset++);
                        maxTimestamp = Math.max(maxTimestamp, record.timestamp());
                    }
                    assertThat(offset).isEqualTo(batch.nextOffset());
                    positionByLastOffset.put(batch.lastOffset(), batch.position());
                    maxTimestampByLastOffset.put(batch.lastOffset(), maxTimestamp);
                    nextOffset = batch.nextOffset();
                }
            }

            var offsetIndex = new org.apache.kafka.storage.internals.log.OffsetIndex(
                    dir.resolve(LogSegment.fileName(base, ".index")).toFile(), base, SMALL.segmentIndexBytes(), false);
            offsetIndex.sanityCheck();
            for (int i = 0; i < offsetIndex.entries(); i++) {
                var entry = offsetIndex.entry(i);
                // what DumpLogSegments checks: the batch at the position ends at the entry's offset
                assertThat(positionByLastOffset.get(entry.offset())).isEqualTo(entry.position());
            }
            for (long offset = base; offset < nextOffset; offset++) {
                int holding = positionByLastOffset.ceilingEntry(offset).getValue();
                assertThat(offsetIndex.lookup(offset).position()).isLessThanOrEqualTo(holding);
            }

            var timeIndex = new org.apache.kafka.storage.internals.log.TimeIndex(
                    dir.resolve(LogSegment.fileName(base, ".timeindex")).toFile(), base, SMALL.segmentIndexBytes(), false);
            timeIndex.sanityCheck();
            long previous = -1;
            for (int i = 0; i < timeIndex.entries(); i++) {
                var entry = timeIndex.entry(i);
                assertThat(maxTimestampByLastOffset).containsKey(entry.offset());
                // also DumpLogSegments' checks: timestamps grow, each is its batch's greatest record timestamp
                assertThat(entry.timestamp()).isGreaterThan(previous)
                        .isEqualTo(maxTimestampByLastOffset.get(entry.offset()));
                previous = entry.timestamp();
            }
            long segmentMax = maxTimestampByLastOffset.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(timeIndex.lastEntry().timestamp()).as("the final entry holds the segment's greatest timestamp")
                    .isEqualTo(segmentMax);
        }
        assertThat(nextOffset).isEqualTo(end);

        var kafkaCheckpoint = new OffsetCheckpointFile(logDir.resolve("recovery-point-offset-checkpoint").toFile(),
                new LogDirFailureChannel(1));
        assertThat(kafkaCheckpoint.read())
                .isEqualTo(Map.of(new org.apache.kafka.common.TopicPartition(TP.topic(), TP.partition()), end));
    }

    @Test
    void weReadIndexesAndCheckpointsThatKafkaWrote() throws IOException {
        Path indexFile = logDir.resolve(LogSegment.fileName(100, ".index"));
        var kafkaIndex = new org.apache.kafka.storage.internals.log.OffsetIndex(indexFile.toFile(), 100, 4096, true);
        List<long[]> entries = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            kafkaIndex.append(100 + i * 7L, i * 333);
            entries.add(new long[] {100 + i * 7L, i * 333});
        }
        kafkaIndex.close();
        OffsetIndex ours = new OffsetIndex(indexFile, 100, 4096, false);
        ours.checkEntries(Integer.MAX_VALUE);
        assertThat(ours.entries()).isEqualTo(50);
        for (long[] entry : entries) {
            assertThat(ours.lookup(entry[0] + 3)).isEqualTo(new OffsetPosition(entry[0], (int) entry[1]));
        }

        Path timeIndexFile = logDir.resolve(LogSegment.fileName(100, ".timeindex"));
        var kafkaTimeIndex = new org.apache.kafka.storage.internals.log.TimeIndex(timeIndexFile.toFile(), 100, 4096, true);
        kafkaTimeIndex.maybeAppend(NOW, 105);
        kafkaTimeIndex.maybeAppend(NOW + 10, 120);
        kafkaTimeIndex.close();
        TimeIndex oursTime = new TimeIndex(timeIndexFile, 100, 4096, false);
        oursTime.checkEntries();
        assertThat(oursTime.lookup(NOW + 5)).isEqualTo(new TimestampOffset(NOW, 105));
        assertThat(oursTime.lastEntry()).isEqualTo(new TimestampOffset(NOW + 10, 120));

        new OffsetCheckpointFile(logDir.resolve("recovery-point-offset-checkpoint").toFile(), new LogDirFailureChannel(1))
                .write(Map.of(new org.apache.kafka.common.TopicPartition("a-b", 4), 99L));
        assertThat(new OffsetCheckpoint(logDir, OffsetCheckpoint.RECOVERY_POINT_FILE).read()).isEqualTo(Map.of(new TopicPartition("a-b", 4), 99L));
    }
}
