package io.karst.itests;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Offset look-ups (ListOffsets) as the consumer makes them: log bounds, seeks, and offsets by
 * timestamp. Partition 0 holds {@value #RECORDS} records with timestamps {@code T0 + 10 * offset};
 * partition 1 is empty.
 */
@Timeout(60)
class OffsetsTest {

    @RegisterExtension
    static final KarstExtension karst = KarstExtension.withDefaults();

    private static final String TOPIC = "offsets";
    private static final int RECORDS = 50;
    private static final long T0 = 1_700_000_000_000L;
    private static final TopicPartition FULL = new TopicPartition(TOPIC, 0);
    private static final TopicPartition EMPTY = new TopicPartition(TOPIC, 1);

    private KafkaConsumer<String, String> consumer;

    @BeforeAll
    static void produce() throws Exception {
        Clients.createTopic(karst.bootstrapServers(), TOPIC, 2);
        try (KafkaProducer<String, String> producer = Clients.producer(karst.bootstrapServers())) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(TOPIC, FULL.partition(), T0 + 10L * i, "k" + i, "v" + i)).get();
            }
        }
    }

    @BeforeEach
    void openConsumer() {
        consumer = Clients.consumer(karst.bootstrapServers());
        consumer.assign(List.of(FULL, EMPTY));
    }

    @AfterEach
    void closeConsumer() {
        consumer.close();
    }

    @Test
    void beginningOffsetsAreZeroAndEndOffsetsAreTheRecordCounts() {
        assertThat(consumer.beginningOffsets(List.of(FULL, EMPTY))).containsOnly(entry(FULL, 0L), entry(EMPTY, 0L));
        assertThat(consumer.endOffsets(List.of(FULL, EMPTY))).containsOnly(entry(FULL, (long) RECORDS), entry(EMPTY, 0L));
    }

    @Test
    void seekToBeginningAndSeekToEndMoveThePositionToTheLogBounds() {
        consumer.seekToEnd(List.of(FULL));
        assertThat(consumer.position(FULL)).isEqualTo(RECORDS);

        consumer.seekToBeginning(List.of(FULL));
        assertThat(consumer.position(FULL)).isZero();
        assertThat(consumer.poll(Duration.ofSeconds(10)).records(FULL)).first()
                .satisfies(r -> assertThat(r.offset()).isZero());
    }

    @Test
    void offsetForTimestampZeroIsTheFirstOffsetOfANonEmptyPartition() {
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(Map.of(FULL, 0L, EMPTY, 0L));

        assertThat(found.get(FULL)).extracting(OffsetAndTimestamp::offset, OffsetAndTimestamp::timestamp)
                .containsExactly(0L, T0);
        assertThat(found).containsEntry(EMPTY, null);
    }

    @Test
    void offsetForTimestampIsTheFirstRecordAtOrAfterIt() {
        Map<TopicPartition, Long> query = new HashMap<>();
        query.put(FULL, T0 + 105);
        Map<TopicPartition, OffsetAndTimestamp> between = consumer.offsetsForTimes(query);
        query.put(FULL, T0 + 10L * RECORDS);
        Map<TopicPartition, OffsetAndTimestamp> pastTheLast = consumer.offsetsForTimes(query);

        assertThat(between.get(FULL)).extracting(OffsetAndTimestamp::offset, OffsetAndTimestamp::timestamp)
                .containsExactly(11L, T0 + 110);
        assertThat(pastTheLast).containsEntry(FULL, null);
    }
}
