package io.karst.itests;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** librdkafka, through the kcat command line client, lists, produces and consumes. */
@Timeout(90)
class KcatTest {

    @RegisterExtension
    static final KarstExtension karst = KarstExtension.withDefaults();

    private static Kcat kcat;

    @BeforeAll
    static void findKcat() {
        kcat = Kcat.onPath();
    }

    @Test
    void metadataListsBroker1AndTheTopic() throws Exception {
        Clients.createTopic(karst.bootstrapServers(), "kcat-listed", 2);

        ChildProcess.Result result = kcat.run("", "-b", karst.bootstrapServers(), "-L");

        assertThat(result.exitCode()).as("exit code; stderr: %s", result.stderr()).isZero();
        assertThat(result.stdout())
                .contains("broker 1 at 127.0.0.1:" + karst.port())
                .contains("topic \"kcat-listed\" with 2 partitions");
    }

    @Test
    void linesProducedByKcatAreConsumedBackByKcatAndByTheJavaClient() throws Exception {
        String topic = "kcat-lines";
        Clients.createTopic(karst.bootstrapServers(), topic, 1);
        List<String> lines = List.of("k1:v1", "k2:v2", "k3:v3", "k4:v4", "k5:v5");

        ChildProcess.Result produced = kcat.run(String.join("\n", lines) + "\n",
                "-P", "-b", karst.bootstrapServers(), "-t", topic, "-K:");
        ChildProcess.Result consumed = kcat.run("", "-C", "-b", karst.bootstrapServers(), "-t", topic,
                "-o", "beginning", "-e", "-K:");

        assertThat(produced.exitCode()).as("kcat -P exit code; stderr: %s", produced.stderr()).isZero();
        assertThat(consumed.exitCode()).as("kcat -C exit code; stderr: %s", consumed.stderr()).isZero();
        assertThat(consumed.lines()).containsExactlyElementsOf(lines);
        try (KafkaConsumer<String, String> consumer = Clients.consumer(karst.bootstrapServers())) {
            assertThat(Clients.readAll(consumer, List.of(new TopicPartition(topic, 0)), Duration.ofSeconds(20)))
                    .extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(tuple("k1", "v1"), tuple("k2", "v2"), tuple("k3", "v3"),
                            tuple("k4", "v4"), tuple("k5", "v5"));
        }
    }

    @Test
    void aRecordProducedByTheJavaClientIsConsumedByKcat() throws Exception {
        String topic = "kcat-from-java";
        Clients.createTopic(karst.bootstrapServers(), topic, 1);
        try (KafkaProducer<String, String> producer = Clients.producer(karst.bootstrapServers())) {
            producer.send(new ProducerRecord<>(topic, "java-key", "java-value")).get();
        }

        ChildProcess.Result consumed = kcat.run("", "-C", "-b", karst.bootstrapServers(), "-t", topic,
                "-o", "beginning", "-e", "-K:");

        assertThat(consumed.exitCode()).as("exit code; stderr: %s", consumed.stderr()).isZero();
        assertThat(consumed.lines()).containsExactly("java-key:java-value");
    }
}
