package io.karst.broker.internal.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kafka's {@code kafka.server:type=BrokerTopicMetrics} meters: MessagesInPerSec, BytesInPerSec and
 * BytesOutPerSec for all topics, and the same with {@code topic=<name>} per topic, registered on first use.
 */
public final class BrokerTopicMetrics {
    private static final String PREFIX = "kafka.server:type=BrokerTopicMetrics,name=";

    private final JmxRegistry jmx;
    private final TopicMeters allTopics;
    private final Map<String, TopicMeters> byTopic = new ConcurrentHashMap<>();

    private record TopicMeters(Meter messagesIn, Meter bytesIn, Meter bytesOut) {
        List<Meter> all() {
            return List.of(messagesIn, bytesIn, bytesOut);
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

    /** Record bytes sent to consumers from {@code topic}. */
    public void fetched(String topic, long bytes) {
        allTopics.bytesOut.mark(bytes);
        forTopic(topic).bytesOut.mark(bytes);
    }

    /** Unregisters a deleted topic's meters. */
    public void topicDeleted(String topic) {
        if (byTopic.remove(topic) != null) {
            for (String name : List.of("MessagesInPerSec", "BytesInPerSec", "BytesOutPerSec")) {
                jmx.unregister(PREFIX + name + ",topic=" + topic);
            }
        }
    }

    private TopicMeters forTopic(String topic) {
        return byTopic.computeIfAbsent(topic, t -> register(",topic=" + t));
    }

    private TopicMeters register(String tags) {
        TopicMeters meters = new TopicMeters(new Meter("messages"), new Meter("bytes"), new Meter("bytes"));
        jmx.register(PREFIX + "MessagesInPerSec" + tags, meters.messagesIn);
        jmx.register(PREFIX + "BytesInPerSec" + tags, meters.bytesIn);
        jmx.register(PREFIX + "BytesOutPerSec" + tags, meters.bytesOut);
        return meters;
    }

    void tick() {
        allTopics.all().forEach(Meter::tick);
        byTopic.values().forEach(m -> m.all().forEach(Meter::tick));
    }
}
