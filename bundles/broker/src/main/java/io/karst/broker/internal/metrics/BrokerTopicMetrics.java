package io.karst.broker.internal.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kafka's {@code kafka.server:type=BrokerTopicMetrics} meters: MessagesInPerSec, BytesInPerSec,
 * BytesOutPerSec and FailedProduceRequestsPerSec for all topics, and the same with {@code topic=<name>} per topic, registered on first use.
 */
public final class BrokerTopicMetrics {
    private static final String PREFIX = "kafka.server:type=BrokerTopicMetrics,name=";

    private final JmxRegistry jmx;
    private final TopicMeters allTopics;
    private final Map<String, TopicMeters> byTopic = new ConcurrentHashMap<>();

    private static final List<String> NAMES = List.of("MessagesInPerSec", "BytesInPerSec", "BytesOutPerSec",
            "FailedProduceRequestsPerSec");

    private record TopicMeters(Meter messagesIn, Meter bytesIn, Meter bytesOut, Meter failedProduce) {
        List<Meter> all() {
            return List.of(messagesIn, bytesIn, bytesOut, failedProduce);
        }
    }

    BrokerTopicMetrics(JmxRegistry jmx) {
        this.jmx = jmx;
        this.allTopics = register("");
    }

    /** Records appended to {@code topic}: their count and bytes. */
    public void appended(String topic, long messages, long bytes) {
        TopicMeters topicMeters = forTopic(topic);
        allTopics.messagesIn.mark(messages);
        allTopics.bytesIn.mark(bytes);
        topicMeters.messagesIn.mark(messages);
        topicMeters.bytesIn.mark(bytes);
    }

    /** A producer's batch for {@code topic} was refused. */
    public void produceFailed(String topic) {
        allTopics.failedProduce.mark(1);
        forTopic(topic).failedProduce.mark(1);
    }

    /** Record bytes sent to consumers from {@code topic}. */
    public void fetched(String topic, long bytes) {
        allTopics.bytesOut.mark(bytes);
        forTopic(topic).bytesOut.mark(bytes);
    }

    /** Unregisters a deleted topic's meters. */
    public void topicDeleted(String topic) {
        if (byTopic.remove(topic) != null) {
            for (String name : NAMES) {
                jmx.unregister(PREFIX + name + ",topic=" + topic);
            }
        }
    }

    private TopicMeters forTopic(String topic) {
        return byTopic.computeIfAbsent(topic, t -> register(",topic=" + t));
    }

    private TopicMeters register(String tags) {
        TopicMeters meters = new TopicMeters(new Meter("messages"), new Meter("bytes"), new Meter("bytes"),
                new Meter("requests"));
        List<Meter> all = meters.all();
        for (int i = 0; i < NAMES.size(); i++) {
            jmx.register(PREFIX + NAMES.get(i) + tags, all.get(i));
        }
        return meters;
    }

    void tick() {
        allTopics.all().forEach(Meter::tick);
        byTopic.values().forEach(m -> m.all().forEach(Meter::tick));
    }
}
