package io.karst.storage.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.log.LogConfig;
import io.karst.api.log.PartitionLog;
import io.karst.api.record.RecordBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileLogStoreTest {
    private static final LogConfig SMALL = LogConfig.builder()
            .segmentBytes(2048).indexIntervalBytes(256).segmentIndexBytes(4096).build();
    private static final TopicPartition DASHED = new TopicPartition("my-topic-name", 12);
    private static final TopicPartition DASHED_0 = new TopicPartition("my-topic-name", 0);
    private static final TopicPartition PLAIN = new TopicPartition("plain", 1);

    @TempDir
    Path logDir;

    private static void appendBatches(PartitionLog log, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            log.append(List.of(TestBatches.batch(1 + i % 4, i, 50 + i % 100)), 0, -1);
        }
    }

    private Map<TopicPartition, Long> logEndOffsets(FileLogStore store) {
        return store.all().stream().collect(Collectors.toMap(PartitionLog::topicPartition, PartitionLog::logEndOffset));
    }

    @Test
    void reopensEveryPartitionFolderIncludingTopicsWithDashes() throws IOException {
        Map<TopicPartition, Long> before;
        try (FileLogStore store = new FileLogStore(logDir, SMALL)) {
            appendBatches(store.getOrCreate(DASHED, SMALL), 40);
            appendBatches(store.getOrCreate(DASHED_0, SMALL), 3);
            store.getOrCreate(PLAIN, SMALL);
            before = logEndOffsets(store);
        }
        Files.createDirectories(logDir.resolve("not a log"));
        Files.createDirectories(logDir.resolve("plain-1.0123abcd-delete"));
        assertThat(logDir.resolve("my-topic-name-12")).isDirectory();

        try (FileLogStore store = new FileLogStore(logDir, SMALL)) {
            assertThat(logEndOffsets(store)).isEqualTo(before);
            assertThat(before.get(DASHED)).isPositive();
            assertThat(store.get(DASHED).orElseThrow().segmentCount()).isGreaterThan(1);
            assertThat(store.get(DASHED).orElseThrow().read(0, 100, true).firstOffset()).isZero();
        }
    }

    @Test
    void partitionFolderNamesSplitAtTheLastDash() {
        assertThat(FileLogStore.partitionOfFolder("a-b-c-7")).isEqualTo(new TopicPartition("a-b-c", 7));
        assertThat(FileLogStore.partitionOfFolder("__consumer_offsets-49")).isEqualTo(new TopicPartition("__consumer_offsets", 49));
        assertThat(FileLogStore.partitionOfFolder("topic-0.abc-delete")).isNull();
        assertThat(FileLogStore.partitionOfFolder("topic")).isNull();
        assertThat(FileLogStore.partitionOfFolder("-3")).isNull();
        assertThat(FileLogStore.partitionOfFolder("topic-99999999999")).isNull();
    }

    @Test
    void closeWritesTheRecoveryPointsAndTheCleanShutdownMarkerWhichStartRemoves() throws IOException {
        long end;
        try (FileLogStore store = new FileLogStore(logDir, SMALL)) {
            PartitionLog log = store.getOrCreate(DASHED, SMALL);
            appendBatches(log, 10);
            end = log.logEndOffset();
            store.getOrCreate(PLAIN, SMALL);
        }
        assertThat(logDir.resolve(".kafka_cleanshutdown")).exists();
        assertThat(Files.readAllLines(logDir.resolve("recovery-point-offset-checkpoint")))
                .containsExactly("0", "2", "my-topic-name 12 " + end, "plain 1 0");

        try (FileLogStore store = new FileLogStore(logDir, SMALL)) {
            assertThat(logDir.resolve(".kafka_cleanshutdown")).doesNotExist();
            assertThat(store.get(DASHED).orElseThrow().logEndOffset()).isEqualTo(end);
        }
    }

    @Test
    void flushWritesTheLogEndAsItsRecoveryPoint() throws IOException {
        try (FileLogStore store = new FileLogStore(logDir, SMALL)) {
            PartitionLog log = store.getOrCreate(PLAIN, SMALL);
            appendBatches(log, 5);
            log.flush();
            assertThat(Files.readAllLines(logDir.resolve("recovery-point-offset-checkpoint")))
                    .containsExactly("0", "1", "plain 1 " + log.logEndOffset());
        }
    }

    @Test
    void tailValidationRunsOnlyWithoutTheCleanShutdownMarker() throws IOException {
        long end;
        try (FileLogStore store = new FileLogStore(logDir, SMALL)) {
            PartitionLog log = store.getOrCreate(PLAIN, SMALL);
            appendBatches(log, 5);
            end = log.logEndOffset();
        }
        // damage a record byte in the last batch: its CRC no longer matches
        Path segment = logDir.resolve("plain-1").resolve(LogSegment.fileName(0, ".log"));
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 3] ^= 0x10;
        Files.write(segment, bytes);

        try (FileLogStore store = new FileLogStore(logDir, SMALL)) {
            assertThat(store.get(PLAIN).orElseThrow().logEndOffset()).as("clean: not validated").isEqualTo(end);
            assertThat(Files.size(segment)).isEqualTo(bytes.length);
        }
        Files.delete(logDir.resolve(".kafka_cleanshutdown"));
        try (FileLogStore store = new FileLogStore(logDir, SMALL)) {
            PartitionLog log = store.get(PLAIN).orElseThrow();
            assertThat(log.logEndOffset()).as("unclean: damaged last batch cut off").isLessThan(end);
            assertThat(Files.size(segment)).isEqualTo(log.sizeInBytes()).isLessThan(bytes.length);
        }
    }

    @Test
    void anUnreadableCheckpointMeansEverySegmentIsValidated() throws IOException {
        try (FileLogStore store = new FileLogStore(logDir, SMALL)) {
            PartitionLog log = store.getOrCreate(PLAIN, SMALL);
            appendBatches(log, 60);
            assertThat(log.segmentCount()).isGreaterThan(2);
        }
        Path first = logDir.resolve("plain-1").resolve(LogSegment.fileName(0, ".log"));
        byte[] bytes = Files.readAllBytes(first);
        bytes[RecordBatch.HEADER_SIZE + 1] ^= 0x10;
        Files.write(first, bytes);
        Files.delete(logDir.resolve(".kafka_cleanshutdown"));
        Files.writeString(logDir.resolve("recovery-point-offset-checkpoint"), "0\nnonsense\n");

        try (FileLogStore store = new FileLogStore(logDir, SMALL)) {
            PartitionLog log = store.get(PLAIN).orElseThrow();
            assertThat(log.logEndOffset()).isZero();
            assertThat(log.segmentCount()).isEqualTo(1);
        }
    }

    @Test
    void deleteClosesTheLogAndRemovesItsFolder() throws IOException {
        try (FileLogStore store = new FileLogStore(logDir, SMALL)) {
            appendBatches(store.getOrCreate(DASHED, SMALL), 30);
            store.getOrCreate(PLAIN, SMALL);
            PartitionLog doomed = store.get(DASHED).orElseThrow();

            store.delete(DASHED);
            store.delete(new TopicPartition("absent", 0));

            assertThat(logDir.resolve("my-topic-name-12")).doesNotExist();
            assertThat(store.get(DASHED)).isEmpty();
            assertThat(store.all()).extracting(PartitionLog::topicPartition).containsExactly(PLAIN);
            assertThatThrownBy(() -> doomed.read(0, 1, true)).isInstanceOf(KarstException.class);
            assertThat(Files.readAllLines(logDir.resolve("recovery-point-offset-checkpoint")))
                    .containsExactly("0", "1", "plain 1 0");
            assertThat(folders()).as("renamed, removed after file.delete.delay.ms")
                    .anyMatch(name -> name.matches("my-topic-name-12\\.[0-9a-f]{32}-delete"));

            PartitionLog again = store.getOrCreate(DASHED, SMALL);
            assertThat(again.logEndOffset()).as("a new log of the same name starts empty").isZero();
        }
        try (FileLogStore store = new FileLogStore(logDir, SMALL)) {
            assertThat(folders()).as("a start removes folders of deleted partitions").noneMatch(n -> n.endsWith("-delete"));
        }
    }

    @Test
    void aDeletedPartitionsFolderIsRemovedInTheBackgroundAfterTheDelay() throws Exception {
        LogConfig noDelay = SMALL.toBuilder().fileDeleteDelayMs(0).build();
        try (FileLogStore store = new FileLogStore(logDir, SMALL)) {
            appendBatches(store.getOrCreate(PLAIN, noDelay), 30);
            store.delete(PLAIN);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (folders().stream().anyMatch(n -> n.startsWith("plain-1")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(folders()).noneMatch(n -> n.startsWith("plain-1"));
        }
    }

    private List<String> folders() throws IOException {
        try (var files = Files.list(logDir)) {
            return files.filter(Files::isDirectory).map(f -> f.getFileName().toString()).toList();
        }
    }

    @Test
    void getOrCreateGivesTheSameLogAndRefusesIllegalTopicNames() throws IOException {
        try (FileLogStore store = new FileLogStore(logDir, SMALL)) {
            PartitionLog log = store.getOrCreate(PLAIN, SMALL);
            assertThat(store.getOrCreate(PLAIN, LogConfig.DEFAULTS)).isSameAs(log);
            for (String topic : List.of("..", "../escape", "a/b", "with space", "x".repeat(250))) {
                assertThatThrownBy(() -> store.getOrCreate(new TopicPartition(topic, 0), SMALL))
                        .isInstanceOfSatisfying(KarstException.class,
                                e -> assertThat(e.error()).isEqualTo(Errors.INVALID_TOPIC_EXCEPTION));
            }
            assertThat(logDir.getParent().resolve("escape-0")).doesNotExist();
        }
    }

    @Test
    void aSecondStoreOnTheSameDirectoryIsRefused() throws IOException {
        try (FileLogStore store = new FileLogStore(logDir, SMALL)) {
            assertThatThrownBy(() -> new FileLogStore(logDir, SMALL))
                    .isInstanceOf(IOException.class).hasMessageContaining(".lock");
            assertThat(store.logDir()).isEqualTo(logDir.toAbsolutePath());
        }
        new FileLogStore(logDir, SMALL).close();
    }

    @Test
    void aClosedStoreCreatesNoLogs() throws IOException {
        FileLogStore store = new FileLogStore(logDir, SMALL);
        store.close();
        assertThatThrownBy(() -> store.getOrCreate(PLAIN, SMALL)).isInstanceOf(IllegalStateException.class);
        assertThat(store.all()).isEmpty();
    }
}
