package io.karst.itests;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A batch refused for some of its records fails at the Java producer with the reason, on the records to
 * blame (KIP-467, Produce v8): here records without a key sent to a compacted topic, which Kafka refuses.
 */
@Timeout(60)
class RecordErrorsTest {

    @RegisterExtension
    static final KarstExtension karst = KarstExtension.withDefaults();

    @ParameterizedTest
    @ValueSource(strings = {"none", "gzip", "lz4"})
    void aRecordWithoutAKeyIsRefusedByACompactedTopicWithKafkasReason(String codec) throws Exception {
        String topic = "compacted-" + codec;
        createTopic(topic, "compact");
        try (KafkaProducer<String, String> producer = producer(codec)) {
            Future<RecordMetadata> keyed = producer.send(new ProducerRecord<>(topic, 0, "k", "kept?"));
            Future<RecordMetadata> keyless = producer.send(new ProducerRecord<>(topic, 0, null, "no key"));
            producer.flush();

            assertThatThrownBy(keyless::get).isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOf(InvalidRecordException.class)
                    .hasMessage("Compacted topic cannot accept message without key in topic partition " + topic + "-0.");
            assertThatThrownBy(keyed::get).isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOf(KafkaException.class)
                    .hasMessageContaining("part of a batch which had one more more invalid records");
            assertThat(producer.send(new ProducerRecord<>(topic, 0, "k", "stored")).get().offset()).isZero();
        }
    }

    @Test
    void aTopicThatDeletesAndCompactsRefusesThemTooWhileOneThatOnlyDeletesTakesThem() throws Exception {
        createTopic("compacted-and-deleted", "delete,compact");
        createTopic("deleted-only", "delete");
        try (KafkaProducer<String, String> producer = producer("none")) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("compacted-and-deleted", 0, null, "v")).get())
                    .cause().isInstanceOf(InvalidRecordException.class).hasMessageContaining("without key");
            assertThat(producer.send(new ProducerRecord<>("deleted-only", 0, null, "v")).get().offset()).isZero();
        }
    }

    private static void createTopic(String topic, String cleanupPolicy) throws Exception {
        try (Admin admin = Clients.admin(karst.bootstrapServers())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of("cleanup.policy", cleanupPolicy)))).all().get();
        }
    }

    /** A producer that puts the records sent together into one batch and does not retry. */
    private static KafkaProducer<String, String> producer(String codec) {
        return Clients.producer(karst.bootstrapServers(), Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, codec,
                ProducerConfig.LINGER_MS_CONFIG, (int) Duration.ofSeconds(1).toMillis(),
                ProducerConfig.RETRIES_CONFIG, 0, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false));
    }
}
