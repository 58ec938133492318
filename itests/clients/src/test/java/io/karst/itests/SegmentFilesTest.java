package io.karst.itests;

import io.karst.testsupport.EmbeddedKarst;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files a topic's partition is made of, as Kafka lays them out: a topic with {@code segment.bytes}
 * of 1 MiB given about 10 MB rolls at least five segments, each a {@code .log} with its {@code .index}
 * and {@code .timeindex}, and Apache Kafka's own DumpLogSegments reads every file without complaint.
 */
@Timeout(90)
class SegmentFilesTest {

    private static final String TOPIC = "segmented";
    private static final int RECORDS = 10_000;
    private static final String VALUE = "v".repeat(1000);

    @TempDir
    Path dataDir;

    @Test
    void tenMegabytesMakeAtLeastFiveSegmentsThatKafkasDumpLogSegmentsReads() throws Exception {
        try (EmbeddedKarst karst = EmbeddedKarst.start(dataDir, Map.of())) {
            try (Admin admin = Clients.admin(karst.bootstrapServers())) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)
                        .configs(Map.of("segment.bytes", "1048576")))).all().get();
            }
            try (KafkaProducer<String, String> producer = Clients.producer(karst.bootstrapServers())) {
                for (int i = 0; i < RECORDS; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, 0, "k" + i, VALUE));
                }
                producer.flush();
            }
            try (KafkaConsumer<String, String> consumer = Clients.consumer(karst.bootstrapServers())) {
                assertThat(consumer.endOffsets(List.of(new TopicPartition(TOPIC, 0))))
                        .containsEntry(new TopicPartition(TOPIC, 0), (long) RECORDS);
            }
        }
        // closed: every segment sealed, so each index file holds exactly its entries, as Kafka's tools expect
        Path folder = dataDir.resolve("logs").resolve(TOPIC + "-0");
        List<Path> logs = SegmentFiles.withSuffix(folder, ".log");
        assertThat(logs).hasSizeGreaterThanOrEqualTo(5);
        for (Path log : logs) {
            String base = log.getFileName().toString().replace(".log", "");
            assertThat(base).matches("\\d{20}");
            assertThat(folder.resolve(base + ".index")).isRegularFile();
            assertThat(folder.resolve(base + ".timeindex")).isRegularFile();
            assertThat(Files.size(log)).isLessThanOrEqualTo(1 << 20);
        }
        String dump = SegmentFiles.assertKafkaReadsEveryFile(folder);
        assertThat(dump).contains("offset: " + (RECORDS - 1));
    }
}
