package io.karst.broker.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.coordination.Coordinator;
import io.karst.api.coordination.TopicDescription;
import io.karst.api.log.LogStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Topics as the broker serves them: created, auto-created and deleted through the coordinator,
 * with the partitions this broker leads opened over their logs.
 */
public final class TopicManager {
    private static final Logger LOG = LoggerFactory.getLogger(TopicManager.class);

    private final BrokerConfig config;
    private final Coordinator coordinator;
    private final LogStore store;
    private final ReplicaManager replicas;
    private final List<Consumer<String>> deletionListeners = new CopyOnWriteArrayList<>();

    TopicManager(BrokerConfig config, Coordinator coordinator, LogStore store, ReplicaManager replicas) {
        this.config = config;
        this.coordinator = coordinator;
        this.store = store;
        this.replicas = replicas;
    }

    /** Opens every partition this broker leads, at start. */
    void openAll() {
        int opened = 0;
        for (TopicDescription topic : coordinator.topics()) {
            opened += replicas.openLeaderPartitions(topic);
        }
        LOG.info("Opened {} partitions of {} topics", opened, coordinator.topics().size());
    }

    public Optional<TopicDescription> describe(String name) {
        return coordinator.topic(name);
    }

    /** The topic, auto-created with {@code num.partitions} when absent and allowed. */
    public Optional<TopicDescription> describeOrAutoCreate(String name, boolean clientAllows) {
        Optional<TopicDescription> topic = coordinator.topic(name);
        if (topic.isPresent() || !clientAllows || !config.autoCreateTopicsEnable()) {
            return topic;
        }
        try {
            return Optional.of(create(name, -1, (short) -1, Map.of(), false));
        } catch (KarstException e) {
            if (e.error() == Errors.TOPIC_ALREADY_EXISTS) {
                return coordinator.topic(name);
            }
            throw e;
        }
    }

    /**
     * Creates a topic; -1 partitions or replication factor take the broker defaults.
     *
     * @throws KarstException INVALID_TOPIC_EXCEPTION, INVALID_PARTITIONS, INVALID_REPLICATION_FACTOR,
     *     INVALID_CONFIG, TOPIC_ALREADY_EXISTS
     */
    public TopicDescription create(String name, int partitions, short replicationFactor, Map<String, String> configs,
                            boolean validateOnly) {
        String invalid = TopicNames.invalidReason(name);
        if (invalid != null) {
            throw new KarstException(Errors.INVALID_TOPIC_EXCEPTION, invalid);
        }
        int count = partitions == -1 ? config.numPartitions() : partitions;
        short factor = replicationFactor == -1 ? config.defaultReplicationFactor() : replicationFactor;
        if (count < 1) {
            throw new KarstException(Errors.INVALID_PARTITIONS, "Number of partitions must be larger than 0.");
        }
        if (factor < 1) {
            throw new KarstException(Errors.INVALID_REPLICATION_FACTOR, "Replication factor must be larger than 0.");
        }
        try {
            TopicSettings.of(config, store.defaultConfig(), configs);
        } catch (IllegalArgumentException e) {
            throw new KarstException(Errors.INVALID_CONFIG, e.getMessage(), e);
        }
        if (validateOnly) {
            if (coordinator.topic(name).isPresent()) {
                throw new KarstException(Errors.TOPIC_ALREADY_EXISTS, "Topic '" + name + "' already exists.");
            }
            if (factor > coordinator.brokers().size()) {
                throw new KarstException(Errors.INVALID_REPLICATION_FACTOR, "Replication factor: " + factor
                        + " larger than available brokers: " + coordinator.brokers().size() + ".");
            }
            return null;
        }
        TopicDescription topic = coordinator.createTopic(name, count, factor, configs);
        replicas.openLeaderPartitions(topic);
        LOG.info("Created topic {} with {} partitions", name, count);
        return topic;
    }

    /**
     * Deletes a topic and its data.
     *
     * @throws KarstException UNKNOWN_TOPIC_OR_PARTITION, TOPIC_DELETION_DISABLED
     */
    public void delete(String name) {
        if (!config.deleteTopicEnable()) {
            throw new KarstException(Errors.TOPIC_DELETION_DISABLED, "Topic deletion is disabled.");
        }
        coordinator.deleteTopic(name);
        try {
            replicas.deleteTopic(name);
        } catch (IOException e) {
            throw new UncheckedIOException("deleted topic " + name + " but not all of its files", e);
        }
        LOG.info("Deleted topic {}", name);
        deletionListeners.forEach(listener -> listener.accept(name));
    }

    /** Calls {@code listener} with the name of every topic deleted from now on (e.g. to drop its committed offsets). */
    void onTopicDeleted(Consumer<String> listener) {
        deletionListeners.add(listener);
    }

    /**
     * Replaces a topic's config overrides with {@code overrides} (checked as CreateTopics checks them),
     * persists them in the coordinator and applies them at once to the topic's open partitions and logs.
     *
     * @throws KarstException UNKNOWN_TOPIC_OR_PARTITION, INVALID_CONFIG naming the key
     */
    public void alterConfigs(String name, Map<String, String> overrides, boolean validateOnly) {
        if (coordinator.topic(name).isEmpty()) {
            throw new KarstException(Errors.UNKNOWN_TOPIC_OR_PARTITION, "Topic '" + name + "' does not exist.");
        }
        try {
            TopicSettings.of(config, store.defaultConfig(), overrides);
        } catch (IllegalArgumentException e) {
            throw new KarstException(Errors.INVALID_CONFIG, e.getMessage(), e);
        }
        if (validateOnly) {
            return;
        }
        TopicDescription updated = coordinator.updateTopicConfigs(name, overrides);
        replicas.applySettings(updated);
        LOG.info("Topic {} now has the configs {}", name, overrides);
    }

    /** The value every supported topic key has when a topic does not override it: the broker's and store's defaults. */
    public Map<TopicConfig, Object> configDefaults() {
        return TopicConfig.resolve(config, store.defaultConfig(), Map.of());
    }

    /** The partition if this broker has it open already, without opening it (a memory read). */
    public Partition opened(TopicPartition tp) {
        return replicas.get(tp);
    }

    /** The partition if this broker leads it, opening it when the coordinator knows it but it is not open yet. */
    public Partition partition(TopicPartition tp) {
        Partition p = replicas.get(tp);
        if (p != null) {
            return p;
        }
        Optional<TopicDescription> topic = coordinator.topic(tp.topic());
        if (topic.isPresent() && topic.get().partitions().containsKey(tp.partition())) {
            replicas.openLeaderPartitions(topic.get());
            return replicas.get(tp);
        }
        return null;
    }
}
