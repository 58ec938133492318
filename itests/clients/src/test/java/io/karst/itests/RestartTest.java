package io.karst.itests;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** What a client was told is written stays written when the broker restarts. */
@Timeout(90)
class RestartTest {

    @RegisterExtension
    static final KarstExtension karst = KarstExtension.withDefaults();

    private static final int RECORDS = 5_000;
    /** About 400 bytes a record: the first test's log spans several of EmbeddedKarst's 1 MiB segments. */
    private static final String PADDING = "x".repeat(400);

    @Test
    void acknowledgedRecordsSurviveARestartAndNewOffsetsContinueAfterThem() throws Exception {
        String topic = "restart-acked";
        Clients.createTopic(karst.bootstrapServers(), topic, 1);
        try (KafkaProducer<String, String> producer = Clients.producer(karst.bootstrapServers())) {
            assertSameSequence("offsets acknowledged", sendAll(producer, topic, 0, RECORDS), offsets(0, RECORDS));
        }

        karst.restart();

        try (KafkaConsumer<String, String> consumer = Clients.consumer(karst.bootstrapServers())) {
            assertSameSequence("values read after the restart", readValues(consumer, topic), values(0, RECORDS));
        }
        try (KafkaProducer<String, String> producer = Clients.producer(karst.bootstrapServers())) {
            RecordMetadata appended = producer.send(new ProducerRecord<>(topic, 0, "k", "after restart")).get();
            assertThat(appended.offset()).isEqualTo(RECORDS);
        }
    }

    @Test
    void anIdempotentProducerKeepsProducingAcrossABrokerRestartWithoutGapsOrDuplicates() throws Exception {
        String topic = "restart-idempotent";
        Clients.createTopic(karst.bootstrapServers(), topic, 1);
        try (KafkaProducer<String, String> producer = Clients.producer(karst.bootstrapServers())) {
            assertSameSequence("offsets acknowledged before the restart", sendAll(producer, topic, 0, 100), offsets(0, 100));

            karst.restart();

            assertSameSequence("offsets acknowledged after the restart", sendAll(producer, topic, 100, 200), offsets(100, 200));
        }
        try (KafkaConsumer<String, String> consumer = Clients.consumer(karst.bootstrapServers())) {
            assertSameSequence("values read", readValues(consumer, topic), values(0, 200));
        }
    }

    /** Sends values {@code from..to-1} to partition 0 and returns the offsets they were given. */
    private static List<Long> sendAll(KafkaProducer<String, String> producer, String topic, int from, int to)
            throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (int i = from; i < to; i++) {
            acks.add(producer.send(new ProducerRecord<>(topic, 0, "k" + i, value(i))));
        }
        producer.flush();
        List<Long> offsets = new ArrayList<>();
        for (Future<RecordMetadata> ack : acks) {
            offsets.add(ack.get().offset());
        }
        return offsets;
    }

    private static List<String> readValues(KafkaConsumer<String, String> consumer, String topic) {
        return Clients.readAll(consumer, List.of(new TopicPartition(topic, 0)), Duration.ofSeconds(30)).stream()
                .map(ConsumerRecord::value)
                .toList();
    }

    /** Like containsExactly, but a failure names the first difference instead of printing thousands of elements. */
    private static <T> void assertSameSequence(String what, List<T> actual, List<T> expected) {
        int common = Math.min(actual.size(), expected.size());
        int firstDifference = IntStream.range(0, common)
                .filter(i -> !actual.get(i).equals(expected.get(i)))
                .findFirst()
                .orElse(-1);
        if (firstDifference >= 0) {
            fail(what + ": element " + firstDifference + " is " + actual.get(firstDifference) + ", expected "
                    + expected.get(firstDifference));
        }
        assertThat(actual.size()).as(what + ": count").isEqualTo(expected.size());
    }

    private static List<Long> offsets(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> (long) i).toList();
    }

    private static List<String> values(int from, int to) {
        return IntStream.range(from, to).mapToObj(RestartTest::value).toList();
    }

    private static String value(int i) {
        return "v" + i + "-" + PADDING;
    }
}
