package io.karst.itests;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broker process killed with SIGKILL in the middle of an acks=all load, five times over: no record a
 * producer was told is written goes missing, offsets stay dense, and afterwards Apache Kafka's
 * DumpLogSegments finds every segment and index valid.
 */
@Timeout(120)
class CrashRecoveryTest {

    private static final String TOPIC = "crash";
    private static final int KILLS = 5;
    /** Records acknowledged in each round before the kill. */
    private static final int ACKED_PER_ROUND = 3_000;

    @TempDir
    Path workDir;

    @Test
    void killingTheBrokerDuringAnAcksAllLoadLosesNoAcknowledgedRecord() throws Exception {
        Path dataDir = workDir.resolve("data");
        Path brokerLog = workDir.resolve("broker.log");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            for (int round = 0; round < KILLS; round++) {
                BrokerProcess broker = BrokerProcess.start(dataDir, brokerLog);
                if (round == 0) {
                    try (Admin admin = Clients.admin(broker.bootstrapServers())) {
                        admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)
                                .configs(Map.of("segment.bytes", "262144")))).all().get();
                    }
                }
                loadThenKill(broker, round, acknowledged, sender);
            }
        } finally {
            sender.shutdownNow();
        }

        try (BrokerProcess broker = BrokerProcess.start(dataDir, brokerLog);
             KafkaConsumer<String, String> consumer = Clients.consumer(broker.bootstrapServers())) {
            List<ConsumerRecord<String, String>> records = Clients.readAll(consumer,
                    List.of(new TopicPartition(TOPIC, 0)), Duration.ofSeconds(30));
            Set<String> stored = new HashSet<>();
            long expectedOffset = 0;
            for (ConsumerRecord<String, String> record : records) {
                assertThat(record.offset()).as("offsets are dense").isEqualTo(expectedOffset++);
                stored.add(record.value());
            }
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILLS * ACKED_PER_ROUND);
            assertThat(lost).as("acknowledged records missing after %d kills", KILLS).isEmpty();
        }
        SegmentFiles.assertKafkaReadsEveryFile(dataDir.resolve("logs").resolve(TOPIC + "-0"));
        assertThat(Files.readString(brokerLog)).as("every start after a kill recovered from an unclean stop")
                .containsPattern("(?s)(clean shutdown marker absent.*){" + (KILLS + 1) + "}");
    }

    /** Sends until this round has {@value #ACKED_PER_ROUND} acknowledgements, then kills the broker mid-send. */
    private static void loadThenKill(BrokerProcess broker, int round, Set<String> acknowledged, ExecutorService sender)
            throws Exception {
        Map<String, Object> settings = Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        int ackedBefore = acknowledged.size();
        AtomicBoolean sending = new AtomicBoolean(true);
        try (KafkaProducer<String, String> producer = Clients.producer(broker.bootstrapServers(), settings)) {
            Future<?> load = sender.submit(() -> {
                for (int i = 0; sending.get(); i++) {
                    String value = "round-" + round + "-record-" + i + "-" + "x".repeat(200);
                    producer.send(new ProducerRecord<>(TOPIC, 0, null, value), (metadata, error) -> {
                        if (error == null) {
                            acknowledged.add(value);
                        }
                    });
                }
                return null;
            });
            Await.until("round " + round + " has " + ACKED_PER_ROUND + " acknowledged records", Duration.ofSeconds(30),
                    () -> acknowledged.size() - ackedBefore >= ACKED_PER_ROUND);
            broker.kill();
            sending.set(false);
            load.get();
            producer.close(Duration.ZERO);
        }
    }
}
