package io.karst.itests;

import io.karst.api.codec.CompressionType;
import io.karst.api.record.RecordBatch;
import io.karst.api.record.RecordBatches;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java producer with each {@code compression.type} writes log-line records that the Java consumer
 * reads back, every one; the batches are stored in the producer's codec, or in the topic's codec when
 * the topic sets one.
 */
@Timeout(120)
class CompressionTest {

    @RegisterExtension
    static final KarstExtension karst = KarstExtension.withDefaults();

    private static final int RECORDS = 2_000;

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "snappy", "lz4", "zstd"})
    void everyRecordTheProducerCompressesIsConsumed(String codec) throws Exception {
        String topic = "java-" + codec;
        Clients.createTopic(karst.bootstrapServers(), topic, 1);

        List<String> sent = produce(topic, codec);

        assertThat(consumeValues(topic)).containsExactlyElementsOf(sent);
        assertThat(storedCodecs(karst, topic)).as("codecs of the stored batches")
                .containsExactly(CompressionType.forName(codec).id());
    }

    @Test
    void aZstdTopicFedLz4BatchesStoresZstdAndConsumersReadEveryRecord() throws Exception {
        String topic = "zstd-topic";
        try (Admin admin = Clients.admin(karst.bootstrapServers())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of("compression.type", "zstd")))).all().get();
        }

        List<String> sent = produce(topic, "lz4");

        assertThat(storedCodecs(karst, topic)).as("codecs of the stored batches").containsExactly(CompressionType.ZSTD.id());
        assertThat(consumeValues(topic)).containsExactlyElementsOf(sent);
    }

    /** Sends {@link #RECORDS} log lines with the client's defaults plus the codec and a linger that fills batches. */
    private static List<String> produce(String topic, String codec) throws Exception {
        List<String> values = logLines(topic.hashCode());
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (KafkaProducer<String, String> producer = Clients.producer(karst.bootstrapServers(), Map.of(
                ProducerConfig.COMPRESSION_TYPE_CONFIG, codec, ProducerConfig.LINGER_MS_CONFIG, 20))) {
            for (int i = 0; i < values.size(); i++) {
                acks.add(producer.send(new ProducerRecord<>(topic, 0, "key-" + i, values.get(i))));
            }
            producer.flush();
        }
        for (int i = 0; i < acks.size(); i++) {
            assertThat(acks.get(i).get().offset()).as("offset of record %d", i).isEqualTo(i);
        }
        return values;
    }

    private static List<String> consumeValues(String topic) {
        try (KafkaConsumer<String, String> consumer = Clients.consumer(karst.bootstrapServers())) {
            return Clients.readAll(consumer, List.of(new TopicPartition(topic, 0)), Duration.ofSeconds(60)).stream()
                    .map(ConsumerRecord::value).toList();
        }
    }

    /** The codec ids of the batches in partition 0's segment files, read from the files themselves. */
    static Set<Integer> storedCodecs(KarstExtension karst, String topic) throws IOException {
        Path dir = karst.partitionDir(topic, 0);
        Set<Integer> codecs = new TreeSet<>();
        try (var files = Files.list(dir)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                for (RecordBatch batch : RecordBatches.split(ByteBuffer.wrap(Files.readAllBytes(log)))) {
                    codecs.add(batch.compressionId());
                }
            }
        }
        return codecs;
    }

    /** JSON log lines of 100 B to 1 KiB: text that compresses the way real logs do. */
    static List<String> logLines(long seed) {
        Random random = new Random(seed);
        String[] words = {"order", "placed", "payment", "authorised", "cart", "item", "user", "session", "cache",
                "miss", "retry", "timeout", "shipped", "warehouse", "stock", "reserved", "refund", "declined"};
        List<String> lines = new ArrayList<>(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            StringBuilder line = new StringBuilder("{\"seq\":").append(i).append(",\"level\":\"INFO\",\"msg\":\"");
            int length = 100 + random.nextInt(900);
            while (line.length() < length) {
                line.append(words[random.nextInt(words.length)]).append(' ');
            }
            lines.add(line.append("\"}").toString());
        }
        return lines;
    }
}
