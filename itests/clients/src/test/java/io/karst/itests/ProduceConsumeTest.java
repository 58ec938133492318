package io.karst.itests;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java client's default producer (idempotent, acks=all) writes 100,000 records to three
 * partitions, and a consumer reads each back exactly once, in order, unchanged.
 */
class ProduceConsumeTest {

    @RegisterExtension
    static final KarstExtension karst = KarstExtension.withDefaults();

    private static final String TOPIC = "produce-consume";
    private static final int PARTITIONS = 3;
    private static final int RECORDS = 100_000;
    /** Pads values to about 100 bytes, so the partitions span several 1 MiB segments. */
    private static final String PADDING = "x".repeat(80);

    /** An hour ago: a CreateTime the broker's clock could not have produced. */
    private final long baseTimestamp = System.currentTimeMillis() - 3_600_000L;

    @Test
    @Timeout(120)
    void everyRecordIsConsumedOnceInOrderWithKeyValueHeadersAndCreateTime() throws Exception {
        Clients.createTopic(karst.bootstrapServers(), TOPIC, PARTITIONS);

        List<Future<RecordMetadata>> acks = new ArrayList<>(RECORDS);
        try (KafkaProducer<String, String> producer = Clients.producer(karst.bootstrapServers())) {
            for (int i = 0; i < RECORDS; i++) {
                acks.add(producer.send(record(i % PARTITIONS, i / PARTITIONS)));
            }
            producer.flush();
        }
        for (int i = 0; i < RECORDS; i++) {
            RecordMetadata metadata = acks.get(i).get();
            assertThat(metadata.partition()).as("partition of record %d", i).isEqualTo(i % PARTITIONS);
            assertThat(metadata.offset()).as("offset of record %d", i).isEqualTo(i / PARTITIONS);
        }

        List<TopicPartition> partitions = Clients.partitions(TOPIC, PARTITIONS);
        try (KafkaConsumer<String, String> consumer = Clients.consumer(karst.bootstrapServers())) {
            List<ConsumerRecord<String, String>> records = Clients.readAll(consumer, partitions, Duration.ofSeconds(60));

            long[] nextSequence = new long[PARTITIONS];
            for (ConsumerRecord<String, String> r : records) {
                long sequence = nextSequence[r.partition()]++;
                assertSameContent(r, record(r.partition(), sequence));
                assertThat(r.offset()).as("offset of %s", r.value()).isEqualTo(sequence);
            }
            assertThat(records).hasSize(RECORDS);
            for (int p = 0; p < PARTITIONS; p++) {
                assertThat(nextSequence[p]).as("records read from partition %d", p).isEqualTo(recordsIn(p));
            }
        }
    }

    /** The {@code sequence}-th record sent to {@code partition}; everything about it follows from the two. */
    private ProducerRecord<String, String> record(int partition, long sequence) {
        List<Header> headers = List.of(
                new RecordHeader("partition", bytes(Integer.toString(partition))),
                new RecordHeader("sequence", bytes(Long.toString(sequence))));
        return new ProducerRecord<>(TOPIC, partition, baseTimestamp + sequence,
                "key-" + partition + "-" + sequence, "value-" + partition + "-" + sequence + "-" + PADDING, headers);
    }

    private static void assertSameContent(ConsumerRecord<String, String> actual, ProducerRecord<String, String> sent) {
        String what = sent.value();
        assertThat(actual.key()).as("key of %s", what).isEqualTo(sent.key());
        assertThat(actual.value()).as("value at offset %d of partition %d", actual.offset(), actual.partition())
                .isEqualTo(sent.value());
        assertThat(actual.headers().toArray()).as("headers of %s", what).containsExactly(sent.headers().toArray());
        assertThat(actual.timestampType()).as("timestamp type of %s", what).isEqualTo(TimestampType.CREATE_TIME);
        assertThat(actual.timestamp()).as("timestamp of %s", what).isEqualTo(sent.timestamp());
    }

    private static long recordsIn(int partition) {
        return RECORDS / PARTITIONS + (partition < RECORDS % PARTITIONS ? 1 : 0);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
