package io.karst.coordination.local.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.coordination.BrokerRegistration;
import io.karst.api.coordination.Endpoint;
import io.karst.api.coordination.PartitionState;
import io.karst.api.coordination.TopicDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalCoordinatorTest {

    private static final BrokerRegistration BROKER =
            new BrokerRegistration(7, List.of(Endpoint.parse("PLAINTEXT://127.0.0.1:9092")), null);

    @TempDir
    Path dir;

    private LocalCoordinator coordinator;

    @BeforeEach
    void open() {
        coordinator = new LocalCoordinator(dir);
        coordinator.registerBroker(BROKER);
    }

    @AfterEach
    void close() {
        coordinator.close();
    }

    @Test
    void createsDescribesListsAndDeletesTopics() {
        TopicDescription orders = coordinator.createTopic("orders", 3, (short) 1, Map.of("retention.ms", "1000"));
        coordinator.createTopic("audit", 1, (short) 1, Map.of());

        assertThat(orders.partitions()).containsOnlyKeys(0, 1, 2)
                .allSatisfy((p, state) -> assertThat(state).isEqualTo(new PartitionState(7, 0, List.of(7), List.of(7))));
        assertThat(coordinator.topic("orders")).contains(orders);
        assertThat(coordinator.topics()).extracting(TopicDescription::name).containsExactly("audit", "orders");

        coordinator.deleteTopic("orders");

        assertThat(coordinator.topic("orders")).isEmpty();
        assertThat(coordinator.topics()).extracting(TopicDescription::name).containsExactly("audit");
    }

    @Test
    void controllerIsTheRegisteredBroker() {
        assertThat(coordinator.controllerId()).isEqualTo(7);
        assertThat(coordinator.brokers()).containsExactly(BROKER);

        coordinator.unregisterBroker(7);

        assertThat(coordinator.controllerId()).isEqualTo(-1);
        assertThat(coordinator.brokers()).isEmpty();
    }

    @Test
    void clusterIdLooksLikeKafkas() {
        assertThat(coordinator.clusterId()).matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}");
        assertThat(coordinator.name()).isEqualTo("local");
    }

    @Test
    void stateSurvivesReopening() {
        TopicDescription orders = coordinator.createTopic("orders", 2, (short) 1, Map.of("cleanup.policy", "compact"));
        TopicDescription audit = coordinator.createTopic("audit", 1, (short) 1, Map.of());
        String clusterId = coordinator.clusterId();
        coordinator.close();

        coordinator = new LocalCoordinator(dir);

        assertThat(coordinator.clusterId()).isEqualTo(clusterId);
        assertThat(coordinator.topics()).containsExactly(audit, orders);
        assertThat(coordinator.brokers()).as("brokers are ephemeral").isEmpty();
    }

    @Test
    void topicConfigsAreReplacedDurablyKeepingIdAndPartitions() {
        TopicDescription orders = coordinator.createTopic("orders", 2, (short) 1, Map.of("retention.ms", "1000"));

        TopicDescription updated = coordinator.updateTopicConfigs("orders",
                Map.of("cleanup.policy", "compact", "segment.bytes", "1048576"));

        assertThat(updated.configs()).isEqualTo(Map.of("cleanup.policy", "compact", "segment.bytes", "1048576"));
        assertThat(updated.topicId()).isEqualTo(orders.topicId());
        assertThat(updated.partitions()).isEqualTo(orders.partitions());
        coordinator.close();
        coordinator = new LocalCoordinator(dir);
        assertThat(coordinator.topic("orders")).contains(updated);
        assertThatThrownBy(() -> coordinator.updateTopicConfigs("absent", Map.of()))
                .isInstanceOfSatisfying(KarstException.class,
                        e -> assertThat(e.error()).isEqualTo(Errors.UNKNOWN_TOPIC_OR_PARTITION));
    }

    @Test
    void deletionSurvivesReopening() {
        coordinator.createTopic("orders", 1, (short) 1, Map.of());
        coordinator.deleteTopic("orders");
        coordinator.close();

        coordinator = new LocalCoordinator(dir);

        assertThat(coordinator.topics()).isEmpty();
    }

    @Test
    void awkwardNamesAndConfigValuesRoundTrip() {
        Map<String, String> configs = Map.of(
                "a=b", "x=y:z",
                "key with spaces", "  leading and trailing  ",
                "multi\nline", "one\r\ntwo\tthree\\",
                "unicode.ключ", "値 \uD83D\uDE00 \u0000 \u007f #!",
                "#comment", "!bang",
                "empty", "",
                "lone", "\uD800");
        String name = " weird = topic:#1\n\u00e9";
        TopicDescription created = coordinator.createTopic(name, 1, (short) 1, configs);
        coordinator.close();

        coordinator = new LocalCoordinator(dir);

        assertThat(coordinator.topic(name)).contains(created);
        assertThat(coordinator.topic(name).orElseThrow().configs()).isEqualTo(configs);
    }

    @Test
    void tornTempFileIsIgnored() throws Exception {
        TopicDescription orders = coordinator.createTopic("orders", 1, (short) 1, Map.of());
        coordinator.close();
        Files.writeString(dir.resolve("topics.properties.tmp"), "format.version=1\ntopic.count=5\ntopic.0.na");

        coordinator = new LocalCoordinator(dir);

        assertThat(coordinator.topics()).containsExactly(orders);
        coordinator.registerBroker(BROKER);
        coordinator.createTopic("audit", 1, (short) 1, Map.of());
        assertThat(coordinator.topics()).extracting(TopicDescription::name).containsExactly("audit", "orders");
    }

    @Test
    void damagedTopicsFileFailsNamingTheFile() throws Exception {
        coordinator.createTopic("orders", 1, (short) 1, Map.of());
        coordinator.close();
        Path topics = dir.resolve("topics.properties");
        Files.writeString(topics, Files.readString(topics).replace("topic.0.id=", "topic.0.idd="));

        assertThatThrownBy(() -> new LocalCoordinator(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(topics.toString())
                .hasMessageContaining("topic.0.id");
    }

    @Test
    void topicsFileThatIsNotUtf8FailsNamingTheFile() throws Exception {
        coordinator.close();
        Path topics = dir.resolve("topics.properties");
        Files.write(topics, new byte[] {'a', '=', (byte) 0xff, (byte) 0xfe});

        assertThatThrownBy(() -> new LocalCoordinator(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(topics.toString());
    }

    @Test
    void clusterFileWithoutIdFailsNamingTheFile() throws Exception {
        coordinator.close();
        Path cluster = dir.resolve("cluster.properties");
        Files.writeString(cluster, "# nothing here\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new LocalCoordinator(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(cluster.toString())
                .hasMessageContaining("cluster.id");
    }

    @Test
    void replicationFactorAboveLiveBrokersFails() {
        assertThatThrownBy(() -> coordinator.createTopic("orders", 1, (short) 2, Map.of()))
                .isInstanceOfSatisfying(KarstException.class,
                        e -> assertThat(e.error()).isEqualTo(Errors.INVALID_REPLICATION_FACTOR))
                .hasMessage("Replication factor: 2 larger than available brokers: 1.");
        assertThat(coordinator.topics()).isEmpty();
    }

    @Test
    void replicationFactorBelowOneFails() {
        assertThatThrownBy(() -> coordinator.createTopic("orders", 1, (short) 0, Map.of()))
                .isInstanceOfSatisfying(KarstException.class,
                        e -> assertThat(e.error()).isEqualTo(Errors.INVALID_REPLICATION_FACTOR));
    }

    @Test
    void partitionsBelowOneFail() {
        assertThatThrownBy(() -> coordinator.createTopic("orders", 0, (short) 1, Map.of()))
                .isInstanceOfSatisfying(KarstException.class,
                        e -> assertThat(e.error()).isEqualTo(Errors.INVALID_PARTITIONS));
    }

    @Test
    void duplicateTopicFailsAndKeepsTheFirst() {
        TopicDescription first = coordinator.createTopic("orders", 1, (short) 1, Map.of());

        assertThatThrownBy(() -> coordinator.createTopic("orders", 2, (short) 1, Map.of()))
                .isInstanceOfSatisfying(KarstException.class,
                        e -> assertThat(e.error()).isEqualTo(Errors.TOPIC_ALREADY_EXISTS))
                .hasMessage("Topic 'orders' already exists.");
        assertThat(coordinator.topic("orders")).contains(first);
    }

    @Test
    void createWithoutLiveBrokerFails() {
        coordinator.unregisterBroker(7);

        assertThatThrownBy(() -> coordinator.createTopic("orders", 1, (short) 1, Map.of()))
                .isInstanceOfSatisfying(KarstException.class,
                        e -> assertThat(e.error()).isEqualTo(Errors.LEADER_NOT_AVAILABLE));
    }

    @Test
    void deletingUnknownTopicFails() {
        assertThatThrownBy(() -> coordinator.deleteTopic("nope"))
                .isInstanceOfSatisfying(KarstException.class,
                        e -> assertThat(e.error()).isEqualTo(Errors.UNKNOWN_TOPIC_OR_PARTITION));
    }

    @Test
    void partitionsAreSpreadOverSeveralBrokers() {
        coordinator.registerBroker(new BrokerRegistration(8, List.of(), null));

        TopicDescription topic = coordinator.createTopic("orders", 2, (short) 2, Map.of());

        assertThat(topic.partitions().get(0)).isEqualTo(new PartitionState(7, 0, List.of(7, 8), List.of(7, 8)));
        assertThat(topic.partitions().get(1)).isEqualTo(new PartitionState(8, 0, List.of(8, 7), List.of(8, 7)));
    }

    @Test
    void producerIdBlocksNeverOverlapAcrossRestarts() {
        long first = coordinator.allocateProducerIdBlock(1000);
        long second = coordinator.allocateProducerIdBlock(10);
        coordinator.close();

        coordinator = new LocalCoordinator(dir);
        long third = coordinator.allocateProducerIdBlock(1);

        assertThat(first).isZero();
        assertThat(second).isEqualTo(1000);
        assertThat(third).isEqualTo(1010);
    }

    @Test
    void producerIdBlockBelowOneIsRefused() {
        assertThatThrownBy(() -> coordinator.allocateProducerIdBlock(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void damagedProducerIdFileFailsNamingTheFile() throws Exception {
        coordinator.allocateProducerIdBlock(5);
        coordinator.close();
        Path producerIds = dir.resolve("producer-ids.properties");
        Files.writeString(producerIds, "next.producer.id=five\n");

        assertThatThrownBy(() -> new LocalCoordinator(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(producerIds.toString())
                .hasMessageContaining("next.producer.id");
    }

    @Test
    void secondCoordinatorOnTheSameDirectoryIsRefused() {
        assertThatThrownBy(() -> new LocalCoordinator(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dir.toString());
    }

    @Test
    void closedCoordinatorRefusesCalls() {
        coordinator.close();

        assertThatThrownBy(() -> coordinator.topics()).isInstanceOf(IllegalStateException.class);
    }
}
