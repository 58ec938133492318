package io.karst.itests;

import io.karst.api.codec.CompressionType;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * librdkafka (kcat) and the Java client across every codec: what {@code kcat -z <codec>} compresses
 * the Java consumer reads, and what the Java producer compresses kcat reads. librdkafka 2.0.2 writes
 * standard LZ4F frames and raw, unframed snappy, which the broker checks like any other batch.
 */
@Timeout(120)
class KcatCompressionTest {

    @RegisterExtension
    static final KarstExtension karst = KarstExtension.withDefaults();

    private static final int RECORDS = 500;
    private static Kcat kcat;

    @BeforeAll
    static void findKcat() {
        kcat = Kcat.onPath();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "snappy", "lz4", "zstd"})
    void whatKcatCompressesTheJavaConsumerReads(String codec) throws Exception {
        String topic = "from-kcat-" + codec;
        Clients.createTopic(karst.bootstrapServers(), topic, 1);
        List<String> lines = lines(codec);

        var produced = kcat.run(String.join("\n", lines) + "\n",
                "-P", "-b", karst.bootstrapServers(), "-t", topic, "-z", codec, "-K:");

        assertThat(produced.exitCode()).as("kcat -P exit code; stderr: %s", produced.stderr()).isZero();
        assertThat(CompressionTest.storedCodecs(karst, topic)).as("codecs of the stored batches")
                .containsExactly(CompressionType.forName(codec).id());
        try (KafkaConsumer<String, String> consumer = Clients.consumer(karst.bootstrapServers())) {
            assertThat(Clients.readAll(consumer, List.of(new TopicPartition(topic, 0)), Duration.ofSeconds(30)))
                    .extracting(r -> r.key() + ":" + r.value())
                    .containsExactlyElementsOf(lines);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "snappy", "lz4", "zstd"})
    void whatTheJavaProducerCompressesKcatReads(String codec) throws Exception {
        String topic = "from-java-" + codec;
        Clients.createTopic(karst.bootstrapServers(), topic, 1);
        List<String> lines = lines(codec);
        try (KafkaProducer<String, String> producer = Clients.producer(karst.bootstrapServers(), Map.of(
                ProducerConfig.COMPRESSION_TYPE_CONFIG, codec, ProducerConfig.LINGER_MS_CONFIG, 20))) {
            for (String line : lines) {
                String[] keyValue = line.split(":", 2);
                producer.send(new ProducerRecord<>(topic, 0, keyValue[0], keyValue[1]));
            }
            producer.flush();
        }

        var consumed = kcat.run("", "-C", "-b", karst.bootstrapServers(), "-t", topic, "-o", "beginning", "-e", "-K:");

        assertThat(consumed.exitCode()).as("kcat -C exit code; stderr: %s", consumed.stderr()).isZero();
        assertThat(consumed.stdout().lines().toList()).containsExactlyElementsOf(lines);
    }

    /** {@code key:value} lines, the values log lines of 100 B to 1 KiB. */
    private static List<String> lines(String codec) {
        List<String> values = CompressionTest.logLines(codec.hashCode());
        return IntStream.range(0, RECORDS).mapToObj(i -> "k" + i + ":" + values.get(i)).toList();
    }
}
