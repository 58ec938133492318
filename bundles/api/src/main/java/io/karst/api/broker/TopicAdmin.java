package io.karst.api.broker;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Topics as an operator manages them from the console: list, describe, create, delete. Implemented
 * by the running broker; every failure is a {@link io.karst.api.KarstException} with Kafka's error
 * and a message fit to show as it is.
 */
public interface TopicAdmin {

    /** Every topic, internal ones included, sorted by name. */
    List<TopicInfo> topics();

    /** The topic, or empty when it does not exist. */
    Optional<TopicInfo> topic(String name);

    /**
     * Creates a topic; -1 partitions or replication factor take the broker's defaults.
     *
     * @throws io.karst.api.KarstException TOPIC_ALREADY_EXISTS, INVALID_TOPIC_EXCEPTION, INVALID_PARTITIONS,
     *     INVALID_REPLICATION_FACTOR, INVALID_CONFIG
     */
    TopicInfo createTopic(String name, int partitions, short replicationFactor, Map<String, String> configs);

    /**
     * Deletes a topic and its data.
     *
     * @throws io.karst.api.KarstException UNKNOWN_TOPIC_OR_PARTITION, TOPIC_DELETION_DISABLED
     */
    void deleteTopic(String name);

    /**
     * Every config of the topic with its effective value, sorted by key.
     *
     * @throws io.karst.api.KarstException UNKNOWN_TOPIC_OR_PARTITION
     */
    List<TopicConfigEntry> configs(String name);

    /**
     * Sets the overrides in {@code set} and removes those in {@code remove} (back to the broker's
     * default), keeping the others; applied to the running topic at once and kept across restarts.
     *
     * @throws io.karst.api.KarstException UNKNOWN_TOPIC_OR_PARTITION, INVALID_CONFIG naming the key
     */
    void alterConfigs(String name, Map<String, String> set, Collection<String> remove);
}
