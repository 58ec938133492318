package io.karst.itests;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
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
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * librdkafka, through the kcat command line client, lists, produces and consumes, also as a static
 * group member.
 */
@Timeout(90)
class KcatTest {

    @RegisterExtension
    static final KarstExtension karst = KarstExtension.withDefaults();

    private static final Duration WAIT = Duration.ofSeconds(30);

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

    @Test
    void aStaticKcatMemberRestartedWithinItsSessionGetsItsPartitionBackWithoutARebalance() throws Exception {
        String topic = "kcat-static";
        Clients.createTopic(karst.bootstrapServers(), topic, 2);
        produce(topic, 0, "first-0");
        produce(topic, 1, "first-1");
        GroupMember java = GroupMember.startStatic(karst.bootstrapServers(), "kcat-statics", topic, "java", "java-1");
        try {
            Await.until("the Java member holds both partitions", WAIT, () -> java.assignment().size() == 2);

            ChildProcess.Result first = consumeAsStaticMember(topic);
            assertThat(first.exitCode()).as("exit code; stderr: %s", first.stderr()).isZero();
            Await.until("the Java member holds one partition", WAIT, () -> java.assignment().size() == 1);
            int generation = java.generation();
            int revocations = java.revocations();
            Set<TopicPartition> kcatPartitions = staticMemberAssignment("kcat-1");
            assertThat(kcatPartitions).as("kcat-1 stays in the group after it exits").hasSize(1);
            int kcatPartition = kcatPartitions.iterator().next().partition();
            produce(topic, kcatPartition, "second");

            ChildProcess.Result second = consumeAsStaticMember(topic);

            assertThat(second.exitCode()).as("exit code; stderr: %s", second.stderr()).isZero();
            assertThat(second.lines()).as("read from its partition").containsExactly("second");
            assertThat(staticMemberAssignment("kcat-1")).isEqualTo(kcatPartitions);
            assertThat(java.generation()).as("the Java member's generation").isEqualTo(generation);
            assertThat(java.revocations()).as("revocations seen by the Java member").isEqualTo(revocations);
        } finally {
            java.close();
        }
    }

    /** kcat in the group as static member kcat-1, reading what it is assigned up to the end, then exiting. */
    private static ChildProcess.Result consumeAsStaticMember(String topic) throws Exception {
        return kcat.run("", "-b", karst.bootstrapServers(), "-G", "kcat-statics", "-X", "group.instance.id=kcat-1",
                "-X", "auto.offset.reset=earliest", "-e", "-f", "%s\\n", topic);
    }

    private static Set<TopicPartition> staticMemberAssignment(String instanceId) throws Exception {
        try (Admin admin = Clients.admin(karst.bootstrapServers())) {
            return admin.describeConsumerGroups(List.of("kcat-statics")).all().get().get("kcat-statics").members()
                    .stream().filter(m -> m.groupInstanceId().filter(instanceId::equals).isPresent())
                    .findFirst().map(MemberDescription::assignment).map(a -> a.topicPartitions())
                    .orElse(Set.of());
        }
    }

    private static void produce(String topic, int partition, String value) throws Exception {
        try (KafkaProducer<String, String> producer = Clients.producer(karst.bootstrapServers())) {
            producer.send(new ProducerRecord<>(topic, partition, null, value)).get();
        }
    }
}
