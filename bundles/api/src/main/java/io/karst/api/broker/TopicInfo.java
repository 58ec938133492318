package io.karst.api.broker;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A topic as the console shows it.
 *
 * @param name       its name
 * @param topicId    Kafka's topic id
 * @param internal   whether it is one of the broker's own topics ({@code __consumer_offsets})
 * @param partitions its partitions, by index
 * @param configs    its config overrides (Kafka's topic-level keys); broker defaults apply to the rest
 */
public record TopicInfo(String name, UUID topicId, boolean internal, List<PartitionInfo> partitions,
                        Map<String, String> configs) {
    public TopicInfo {
        partitions = List.copyOf(partitions);
        configs = Map.copyOf(configs);
    }
}
