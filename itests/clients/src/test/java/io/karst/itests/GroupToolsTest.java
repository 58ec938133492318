package io.karst.itests;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumer groups seen by clients that are not the Java consumer: librdkafka's balanced consumer
 * ({@code kcat -G}) reads a topic as a group member, and Kafka's own ConsumerGroupCommand describes
 * the group afterwards with every partition committed to its end (lag 0).
 */
@Timeout(120)
class GroupToolsTest {

    @RegisterExtension
    static final KarstExtension karst = KarstExtension.withConfig(Map.of(
            "group.initial.rebalance.delay.ms", "100",
            "offsets.topic.num.partitions", "5"));

    private static final String CONSUMER_GROUP_COMMAND = "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand";

    private static Kcat kcat;

    @BeforeAll
    static void findKcat() {
        kcat = Kcat.onPath();
    }

    @Test
    void kcatConsumesAsAGroupAndConsumerGroupCommandShowsZeroLag() throws Exception {
        String topic = "kcat-grouped";
        Clients.createTopic(karst.bootstrapServers(), topic, 3);
        List<String> expected = new ArrayList<>();
        try (KafkaProducer<String, String> producer = Clients.producer(karst.bootstrapServers())) {
            for (int i = 0; i < 30; i++) {
                producer.send(new ProducerRecord<>(topic, i % 3, "k" + i, "v" + i));
                expected.add("k" + i + ":v" + i);
            }
        }

        ChildProcess.Result consumed = kcat.run("", "-b", karst.bootstrapServers(), "-G", "kcat-group",
                "-X", "auto.offset.reset=earliest", "-e", "-K:", topic);

        assertThat(consumed.exitCode()).as("kcat -G exit code; stderr: %s", consumed.stderr()).isZero();
        assertThat(consumed.lines()).containsExactlyInAnyOrderElementsOf(expected);

        ChildProcess.Result described = KafkaTool.run(CONSUMER_GROUP_COMMAND,
                "--bootstrap-server", karst.bootstrapServers(), "--describe", "--group", "kcat-group");

        assertThat(described.exitCode()).as("exit code; stderr: %s", described.stderr()).isZero();
        List<List<String>> rows = described.lines().stream()
                .filter(line -> line.startsWith("kcat-group "))
                .map(line -> Arrays.asList(line.trim().split("\\s+")))
                .toList();
        // GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG CONSUMER-ID HOST CLIENT-ID
        assertThat(rows).as("partition rows in:%n%s", described.stdout()).hasSize(3).allSatisfy(row -> {
            assertThat(row.get(1)).isEqualTo(topic);
            assertThat(row.get(3)).as("current offset").isEqualTo("10");
            assertThat(row.get(4)).as("log end offset").isEqualTo("10");
            assertThat(row.get(5)).as("lag").isEqualTo("0");
        });
        assertThat(rows).extracting(row -> row.get(2)).containsExactlyInAnyOrder("0", "1", "2");
    }

    @Test
    void consumerGroupCommandSaysSoForAGroupThatDoesNotExist() throws Exception {
        ChildProcess.Result described = KafkaTool.run(CONSUMER_GROUP_COMMAND,
                "--bootstrap-server", karst.bootstrapServers(), "--describe", "--group", "nobody-home");

        assertThat(described.stdout() + described.stderr()).contains("Consumer group 'nobody-home' does not exist.");
    }
}
