package io.karst.itests;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.fail;

/**
 * Kafka clients as a user builds them: only {@code bootstrap.servers} and (de)serializers, every
 * other setting at the client's default unless a test says otherwise.
 */
public final class Clients {

    private Clients() {
    }

    public static KafkaProducer<String, String> producer(String bootstrapServers) {
        return producer(bootstrapServers, Map.of());
    }

    public static KafkaProducer<String, String> producer(String bootstrapServers, Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** A consumer without a group: it is given partitions with {@code assign()}. */
    public static KafkaConsumer<String, String> consumer(String bootstrapServers) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    public static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    public static void createTopic(String bootstrapServers, String name, int partitions) throws Exception {
        try (Admin admin = admin(bootstrapServers)) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
    }

    public static List<TopicPartition> partitions(String topic, int count) {
        return IntStream.range(0, count).mapToObj(p -> new TopicPartition(topic, p)).toList();
    }

    /**
     * Assigns {@code partitions}, seeks to their beginning and polls until the position of each
     * reaches the end offset it had when reading started; fails after {@code timeout}.
     */
    public static List<ConsumerRecord<String, String>> readAll(KafkaConsumer<String, String> consumer,
                                                        Collection<TopicPartition> partitions,
                                                        Duration timeout) {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
            if (System.nanoTime() > deadline) {
                Map<TopicPartition, Long> positions = partitions.stream()
                        .collect(Collectors.toMap(tp -> tp, consumer::position));
                fail("Read " + records.size() + " records in " + timeout + "; positions " + positions
                        + ", end offsets " + end);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }
}
