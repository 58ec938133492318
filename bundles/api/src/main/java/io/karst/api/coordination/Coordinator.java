package io.karst.api.coordination;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cluster metadata: the broker registry, topics with their partition assignment and state, and
 * topic configs. Implementations: {@code local} (one node, state in a data dir) and
 * {@code zookeeper}. Registered with the service property {@code coordinator=<name>}.
 */
public interface Coordinator {

    /** The implementation's name, e.g. {@code local}. */
    String name();

    /** A stable id for the cluster, created once. */
    String clusterId();

    /** The broker id of the controller, -1 when none. */
    int controllerId();

    /** Registers (or re-registers) a live broker. */
    void registerBroker(BrokerRegistration broker);

    /** Removes a broker from the registry, on shutdown. */
    void unregisterBroker(int brokerId);

    List<BrokerRegistration> brokers();

    /**
     * Creates a topic with its partitions assigned to live brokers.
     *
     * @throws io.karst.api.KarstException TOPIC_ALREADY_EXISTS, INVALID_PARTITIONS,
     *     INVALID_REPLICATION_FACTOR (more replicas than live brokers)
     */
    TopicDescription createTopic(String name, int partitions, short replicationFactor, Map<String, String> configs);

    /**
     * Deletes a topic's metadata.
     *
     * @throws io.karst.api.KarstException UNKNOWN_TOPIC_OR_PARTITION when absent
     */
    void deleteTopic(String name);

    /**
     * The topic as this node last learned it. The broker asks on its network threads when a produce or
     * fetch names a partition it has not opened yet, so this must answer from memory (a coordinator
     * backed by a remote store keeps a watched copy), never with a round trip.
     */
    Optional<TopicDescription> topic(String name);

    /**
     * Replaces a topic's config overrides (Kafka's topic keys, e.g. {@code retention.ms}) with
     * {@code configs}, durably; keys absent from {@code configs} fall back to the broker defaults.
     * Values are taken as given: validating them is the broker's job.
     *
     * @return the topic as it is now
     * @throws io.karst.api.KarstException UNKNOWN_TOPIC_OR_PARTITION when absent
     */
    TopicDescription updateTopicConfigs(String name, Map<String, String> configs);

    /**
     * Reserves {@code count} producer ids never handed out before, in this cluster's whole life
     * (persisted before returning), for idempotent producers; returns the first of the block.
     */
    long allocateProducerIdBlock(int count);

    Collection<TopicDescription> topics();
}
