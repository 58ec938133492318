package io.karst.api.coordination;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A topic as the coordinator records it.
 *
 * @param name       the topic name
 * @param topicId    its unique id (Kafka's topic id)
 * @param partitions state per partition index
 * @param configs    the topic-level config overrides (Kafka's keys, e.g. {@code retention.ms})
 */
public record TopicDescription(String name, UUID topicId, SortedMap<Integer, PartitionState> partitions,
                               Map<String, String> configs) {
    public TopicDescription {
        partitions = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(partitions));
        configs = Map.copyOf(configs);
    }

    public int partitionCount() {
        return partitions.size();
    }
}
