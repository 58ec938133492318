package io.karst.itests;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The broker's JMX metrics, under Kafka's names, count what clients did. */
@Timeout(60)
class MetricsTest {

    @RegisterExtension
    static final KarstExtension karst = KarstExtension.withConfig(Map.of(
            "group.initial.rebalance.delay.ms", "0",
            "offsets.topic.num.partitions", "2"));

    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    @Test
    void producedAndFetchedRecordsAndRequestsAreCountedPerTopicAndApi() throws Exception {
        String topic = "metered";
        Clients.createTopic(karst.bootstrapServers(), topic, 1);
        long messagesBefore = count("kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec");
        try (KafkaProducer<String, String> producer = Clients.producer(karst.bootstrapServers())) {
            for (int i = 0; i < 25; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "k" + i, "value-" + i));
            }
        }
        try (KafkaConsumer<String, String> consumer = Clients.consumer(karst.bootstrapServers())) {
            assertThat(Clients.readAll(consumer, Clients.partitions(topic, 1), Duration.ofSeconds(20))).hasSize(25);
        }

        assertThat(count("kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec,topic=" + topic)).isEqualTo(25);
        assertThat(count("kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec") - messagesBefore).isEqualTo(25);
        long bytesIn = count("kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec,topic=" + topic);
        assertThat(bytesIn).isGreaterThan(25 * 8);
        assertThat(count("kafka.server:type=BrokerTopicMetrics,name=BytesOutPerSec,topic=" + topic)).isGreaterThanOrEqualTo(bytesIn);
        assertThat(count("kafka.network:type=RequestMetrics,name=RequestsPerSec,request=Produce")).isPositive();
        assertThat(count("kafka.network:type=RequestMetrics,name=TotalTimeMs,request=Fetch")).isPositive();
        assertThat((Double) JMX.getAttribute(new ObjectName("kafka.network:type=RequestMetrics,name=TotalTimeMs,request=Produce"),
                "Max")).isPositive();
        ObjectName size = new ObjectName("kafka.log:type=Log,name=Size,topic=" + topic + ",partition=0");
        Await.until("the log size gauge of " + topic, Duration.ofSeconds(15), () -> JMX.isRegistered(size));
        assertThat((Long) JMX.getAttribute(size, "Value")).isGreaterThanOrEqualTo(bytesIn);
        assertThat((Long) JMX.getAttribute(new ObjectName("kafka.log:type=Log,name=LogEndOffset,topic=" + topic
                + ",partition=0"), "Value")).isEqualTo(25L);
    }

    @Test
    void aBatchRefusedWithAcks0CountsAsAFailedProduceAndNotAsMessagesIn() throws Exception {
        String topic = "metered-refused";
        try (Admin admin = Clients.admin(karst.bootstrapServers())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("max.message.bytes", "100"))))
                    .all().get();
        }
        String failed = "kafka.server:type=BrokerTopicMetrics,name=FailedProduceRequestsPerSec";
        long failedBefore = count(failed);
        try (KafkaProducer<String, String> producer = Clients.producer(karst.bootstrapServers(),
                Map.of(ProducerConfig.ACKS_CONFIG, "0"))) {
            producer.send(new ProducerRecord<>(topic, 0, "k", "x".repeat(500))).get();
            producer.send(new ProducerRecord<>(topic, 0, "k", "small")).get();
        }

        Await.until("the refused batch is counted", Duration.ofSeconds(10),
                () -> JMX.isRegistered(new ObjectName(failed + ",topic=" + topic))
                        && count(failed + ",topic=" + topic) == 1
                        && count("kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec,topic=" + topic) == 1);
        assertThat(count(failed) - failedBefore).isEqualTo(1);
        assertThat(count("kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec,topic=" + topic)).isEqualTo(1);
    }

    @Test
    void theGroupCoordinatorCountsGroupsAndOffsets() throws Exception {
        String topic = "metered-group";
        Clients.createTopic(karst.bootstrapServers(), topic, 1);
        try (GroupMember member = GroupMember.start(karst.bootstrapServers(), "metered-group", topic, "m", true)) {
            Await.until("the group is Stable", Duration.ofSeconds(20), () ->
                    gauge("NumGroupsStable") == 1);
            assertThat(gauge("NumGroups")).isGreaterThanOrEqualTo(1);
        }
        Await.until("the group is Empty", Duration.ofSeconds(20), () -> gauge("NumGroupsStable") == 0
                && gauge("NumGroupsEmpty") >= 1);
    }

    private static long count(String name) throws Exception {
        return (Long) JMX.getAttribute(new ObjectName(name), "Count");
    }

    private static int gauge(String name) throws Exception {
        return ((Number) JMX.getAttribute(new ObjectName(
                "kafka.coordinator.group:type=GroupMetadataManager,name=" + name), "Value")).intValue();
    }
}
