package io.karst.itests;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Topic and cluster administration through the Java {@link Admin} client. */
@Timeout(60)
class AdminTest {

    private static final int DEFAULT_PARTITIONS = 2;

    @RegisterExtension
    static final KarstExtension karst = KarstExtension.withConfig(Map.of(
            "num.partitions", Integer.toString(DEFAULT_PARTITIONS),
            "auto.create.topics.enable", "true"));

    private Admin admin;

    @BeforeEach
    void openAdmin() {
        admin = Clients.admin(karst.bootstrapServers());
    }

    @AfterEach
    void closeAdmin() {
        admin.close();
    }

    @Test
    void createdTopicIsListedWithTheAskedPartitionsAllLedByBroker1() throws Exception {
        admin.createTopics(List.of(new NewTopic("admin-created", 4, (short) 1))).all().get();

        assertThat(admin.listTopics().names().get()).contains("admin-created");
        TopicDescription topic = describe("admin-created");
        assertThat(topic.partitions()).extracting(TopicPartitionInfo::partition).containsExactly(0, 1, 2, 3);
        for (TopicPartitionInfo partition : topic.partitions()) {
            assertThat(partition.leader().id()).as("leader of partition %d", partition.partition()).isEqualTo(1);
            assertThat(partition.replicas()).extracting(Node::id).containsExactly(1);
            assertThat(partition.isr()).extracting(Node::id).containsExactly(1);
        }
    }

    @Test
    void creatingAnExistingTopicFailsWithTopicExists() throws Exception {
        admin.createTopics(List.of(new NewTopic("admin-twice", 1, (short) 1))).all().get();

        assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("admin-twice", 1, (short) 1))).all().get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TopicExistsException.class);
    }

    @Test
    void creatingATopicWithAnInvalidNameFailsWithInvalidTopic() throws Exception {
        assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("bad/name", 1, (short) 1))).all().get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(InvalidTopicException.class);
        assertThat(admin.listTopics().names().get()).doesNotContain("bad/name");
    }

    @Test
    void deletedTopicIsGoneAndTheNextProduceAutoCreatesItWithTheDefaultPartitionCount() throws Exception {
        String topic = "admin-deleted";
        admin.createTopics(List.of(new NewTopic(topic, 5, (short) 1))).all().get();
        try (KafkaProducer<String, String> producer = Clients.producer(karst.bootstrapServers())) {
            producer.send(new ProducerRecord<>(topic, 4, "before", "deletion")).get();
        }

        admin.deleteTopics(List.of(topic)).all().get();
        Await.until(topic + " is no longer listed", Duration.ofSeconds(10),
                () -> !admin.listTopics().names().get().contains(topic));

        RecordMetadata recreated;
        try (KafkaProducer<String, String> producer = Clients.producer(karst.bootstrapServers())) {
            recreated = producer.send(new ProducerRecord<>(topic, 0, "after", "deletion")).get();
        }
        assertThat(recreated.offset()).as("offset in the recreated partition").isZero();
        assertThat(describe(topic).partitions()).hasSize(DEFAULT_PARTITIONS);
        try (KafkaConsumer<String, String> consumer = Clients.consumer(karst.bootstrapServers())) {
            List<ConsumerRecord<String, String>> records = Clients.readAll(consumer,
                    Clients.partitions(topic, DEFAULT_PARTITIONS), Duration.ofSeconds(20));
            assertThat(records).extracting(ConsumerRecord::key).containsExactly("after");
        }
    }

    @Test
    void describeClusterShowsBroker1AsTheOnlyNodeAndTheController() throws Exception {
        DescribeClusterResult cluster = admin.describeCluster();

        assertThat(cluster.nodes().get()).extracting(Node::id).containsExactly(1);
        assertThat(cluster.nodes().get()).extracting(Node::port).containsExactly(karst.port());
        assertThat(cluster.clusterId().get()).isNotBlank();
        assertThat(cluster.controller().get().id()).isEqualTo(1);
    }

    private TopicDescription describe(String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    }
}
