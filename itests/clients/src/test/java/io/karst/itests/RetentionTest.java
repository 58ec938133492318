package io.karst.itests;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Topic configs changed through the Admin client on a live topic: retention.ms set by
 * incrementalAlterConfigs deletes the old segments within the check interval, consumers see the new log
 * start offset (a fetch below it is OFFSET_OUT_OF_RANGE, so auto.offset.reset applies), describeConfigs
 * shows the change, deleteRecords moves the start further, and bad values are refused naming the key.
 * A topic created with cleanup.policy=compact is compacted by the cleaner thread.
 */
@Timeout(60)
class RetentionTest {

    @RegisterExtension
    static final KarstExtension karst = KarstExtension.withConfig(Map.of(
            "log.retention.check.interval.ms", "200",
            "log.segment.delete.delay.ms", "200",
            "log.cleaner.backoff.ms", "200"));

    private static final long HOUR = 3_600_000L;
    private static final String VALUE = "r".repeat(500);

    private Admin admin;

    @BeforeEach
    void openAdmin() {
        admin = Clients.admin(karst.bootstrapServers());
    }

    @AfterEach
    void closeAdmin() {
        admin.close();
    }

    /** A topic of 16 KiB segments: 200 records from two hours ago, then 20 from now. Returns the first new offset. */
    private long topicWithOldAndNewRecords(String topic) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("segment.bytes", "16384"))))
                .all().get();
        long now = System.currentTimeMillis();
        try (KafkaProducer<String, String> producer = Clients.producer(karst.bootstrapServers())) {
            for (int i = 0; i < 200; i++) {
                producer.send(new ProducerRecord<>(topic, 0, now - 2 * HOUR, "old-" + i, VALUE));
            }
            producer.flush();
            long firstNew = producer.send(new ProducerRecord<>(topic, 0, now, "new-0", VALUE)).get().offset();
            for (int i = 1; i < 20; i++) {
                producer.send(new ProducerRecord<>(topic, 0, now, "new-" + i, VALUE));
            }
            producer.flush();
            return firstNew;
        }
    }

    private long beginningOffset(String topic) {
        try (KafkaConsumer<String, String> consumer = Clients.consumer(karst.bootstrapServers())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            return consumer.beginningOffsets(List.of(tp)).get(tp);
        }
    }

    private void setTopicConfig(String topic, String key, String value) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        admin.incrementalAlterConfigs(Map.of(resource, List.of(
                new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET)))).all().get();
    }

    @Test
    void retentionMsSetOnALiveTopicDeletesItsOldSegmentsAndConsumersSeeTheNewStart() throws Exception {
        String topic = "retention-live";
        long firstNew = topicWithOldAndNewRecords(topic);
        assertThat(beginningOffset(topic)).as("the default 7 days keep everything").isZero();

        setTopicConfig(topic, "retention.ms", Long.toString(HOUR));

        Await.until("old segments are deleted", Duration.ofSeconds(10), () -> beginningOffset(topic) > 0);
        long start = beginningOffset(topic);
        assertThat(start).as("only segments holding nothing but old records go").isLessThanOrEqualTo(firstNew);

        Map<String, Object> settings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, karst.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seek(tp, 0); // below the log start: OFFSET_OUT_OF_RANGE, then auto.offset.reset=earliest
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Await.until("records arrive after the reset", Duration.ofSeconds(10), () -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return !records.isEmpty();
            });
            assertThat(records.get(0).offset()).isEqualTo(start);
        }

        Config described = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic)))
                .all().get().values().iterator().next();
        assertThat(described.get("retention.ms").value()).isEqualTo(Long.toString(HOUR));
        assertThat(described.get("retention.ms").source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
        assertThat(described.get("segment.bytes").value()).isEqualTo("16384");
        assertThat(described.get("cleanup.policy").value()).isEqualTo("delete");
        assertThat(described.get("cleanup.policy").isDefault()).isTrue();
        assertThat(described.get("retention.bytes").value()).isEqualTo("-1");
        assertThat(described.entries()).extracting(ConfigEntry::name).contains("compression.type",
                "min.cleanable.dirty.ratio", "file.delete.delay.ms", "flush.messages", "max.message.bytes");
        assertThat(described.entries()).allMatch(e -> !e.isReadOnly() && !e.isSensitive());
    }

    @Test
    void deleteRecordsMovesTheLogStartOffset() throws Exception {
        String topic = "delete-records";
        topicWithOldAndNewRecords(topic);
        TopicPartition tp = new TopicPartition(topic, 0);

        long low = admin.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(150))).lowWatermarks().get(tp).get()
                .lowWatermark();

        assertThat(low).isEqualTo(150);
        assertThat(beginningOffset(topic)).isEqualTo(150);
        assertThatThrownBy(() -> admin.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(10_000)))
                .lowWatermarks().get(tp).get())
                .hasCauseInstanceOf(org.apache.kafka.common.errors.OffsetOutOfRangeException.class);
    }

    @Test
    void aCompactedTopicKeepsTheLatestValueOfEachKeyAtItsOffset() throws Exception {
        String topic = "compacted";
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of(
                "cleanup.policy", "compact", "segment.bytes", "16384", "min.cleanable.dirty.ratio", "0.01"))))
                .all().get();
        Map<Long, String> produced = new java.util.HashMap<>();
        Map<String, String> latest = new java.util.HashMap<>();
        try (KafkaProducer<String, String> producer = Clients.producer(karst.bootstrapServers())) {
            for (int i = 0; i < 1000; i++) {
                String key = "key-" + (i % 20);
                String value = "value-" + i + "-" + VALUE;
                long offset = producer.send(new ProducerRecord<>(topic, 0, key, value)).get().offset();
                produced.put(offset, key + "=" + value);
                latest.put(key, value);
            }
        }
        TopicPartition tp = new TopicPartition(topic, 0);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        Await.until("the cleaner compacts the topic", Duration.ofSeconds(20), () -> {
            try (KafkaConsumer<String, String> consumer = Clients.consumer(karst.bootstrapServers())) {
                records.clear();
                records.addAll(Clients.readAll(consumer, List.of(tp), Duration.ofSeconds(10)));
            }
            return records.size() < 200;
        });
        Map<String, String> lastRead = new java.util.HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            assertThat(record.key() + "=" + record.value()).as("offset %d", record.offset())
                    .isEqualTo(produced.get(record.offset()));
            lastRead.put(record.key(), record.value());
        }
        assertThat(lastRead).isEqualTo(latest);
    }

    @Test
    void badTopicConfigsAreRefusedNamingTheKey() throws Exception {
        String topic = "bad-configs";
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();

        assertThatThrownBy(() -> setTopicConfig(topic, "retention.ms", "soon"))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("retention.ms");
        assertThatThrownBy(() -> setTopicConfig(topic, "retention.hours", "1"))
                .hasCauseInstanceOf(InvalidConfigurationException.class).hasMessageContaining("retention.hours");
        assertThatThrownBy(() -> setTopicConfig(topic, "compression.type", "brotli"))
                .hasCauseInstanceOf(InvalidConfigurationException.class).hasMessageContaining("compression.type");
        assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("bad-create", 1, (short) 1)
                .configs(Map.of("cleanup.policy", "archive")))).all().get())
                .hasCauseInstanceOf(InvalidConfigurationException.class).hasMessageContaining("cleanup.policy");
    }
}
