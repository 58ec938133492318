package io.karst.coordination.local.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.coordination.BrokerRegistration;
import io.karst.api.coordination.Coordinator;
import io.karst.api.coordination.PartitionState;
import io.karst.api.coordination.TopicDescription;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The single-node coordinator. Topics (name, id, partition state, configs) and the cluster id live in a
 * metadata directory and survive restarts; the broker registry is in memory only, because brokers are
 * ephemeral and register again when they start.
 *
 * <p>On disk (see {@link MetadataDir}): {@code cluster.properties} holds {@code cluster.id} (created once,
 * 22 chars of URL-safe base64 as Kafka prints it); {@code topics.properties} holds every topic in
 * {@link java.util.Properties} syntax as described in {@link TopicsFormat}; {@code producer-ids.properties}
 * holds {@code next.producer.id}, the first producer id not yet handed out; {@code .lock} is held while the
 * coordinator is open. Every change rewrites its file whole and atomically (temp file, fsync, rename,
 * directory fsync), so a crash leaves the old state or the new, and a leftover temp file is ignored. A damaged file fails construction with an exception naming it rather than losing topics.
 *
 * <p>Partitions are assigned round-robin over the live brokers, the first replica leading with epoch 0;
 * on one node every partition is led by that node. {@link #createTopic} fails with
 * {@link Errors#LEADER_NOT_AVAILABLE} when no broker is registered, since no partition could have a leader.
 * Topic names are taken as given: validating them is the broker's job.
 *
 * <p>Thread-safe: every method is synchronized (nothing here is on a hot path). After {@link #close()} the
 * directory is unlocked and every call fails with {@link IllegalStateException}.
 */
class LocalCoordinator implements Coordinator, AutoCloseable {

    private final MetadataDir dir;
    private final String clusterId;
    private final SortedMap<Integer, BrokerRegistration> brokers = new TreeMap<>();
    private SortedMap<String, TopicDescription> topics;
    private long nextProducerId;
    private boolean closed;

    /**
     * Opens (creating if needed) and locks the metadata directory and loads its state.
     *
     * @throws UncheckedIOException when the directory cannot be created, locked or written
     * @throws IllegalStateException naming the file when a metadata file is damaged, or when another
     *     coordinator holds the directory
     */
    public LocalCoordinator(Path metadataDir) {
        this.dir = MetadataDir.open(metadataDir);
        try {
            this.clusterId = dir.loadOrCreateClusterId();
            this.topics = dir.loadTopics();
            this.nextProducerId = dir.loadNextProducerId();
        } catch (RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public synchronized String clusterId() {
        ensureOpen();
        return clusterId;
    }

    /** The lowest registered broker id (on one node: that node), -1 when none is registered. */
    @Override
    public synchronized int controllerId() {
        ensureOpen();
        return brokers.isEmpty() ? -1 : brokers.firstKey();
    }

    @Override
    public synchronized void registerBroker(BrokerRegistration broker) {
        ensureOpen();
        brokers.put(broker.brokerId(), broker);
    }

    @Override
    public synchronized void unregisterBroker(int brokerId) {
        ensureOpen();
        brokers.remove(brokerId);
    }

    @Override
    public synchronized List<BrokerRegistration> brokers() {
        ensureOpen();
        return List.copyOf(brokers.values());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Also fails with INVALID_REPLICATION_FACTOR when {@code replicationFactor < 1} (the broker resolves
     * Kafka's -1 to its default first), and with LEADER_NOT_AVAILABLE when no broker is registered.
     *
     * @throws UncheckedIOException when the new state cannot be written; the topic is then not created
     */
    @Override
    public synchronized TopicDescription createTopic(String name, int partitions, short replicationFactor,
                                                     Map<String, String> configs) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configs, "configs");
        ensureOpen();
        if (topics.containsKey(name)) {
            throw new KarstException(Errors.TOPIC_ALREADY_EXISTS, "Topic '" + name + "' already exists.");
        }
        if (partitions < 1) {
            throw new KarstException(Errors.INVALID_PARTITIONS, "Number of partitions must be larger than 0.");
        }
        if (replicationFactor < 1) {
            throw new KarstException(Errors.INVALID_REPLICATION_FACTOR, "Replication factor must be larger than 0.");
        }
        if (brokers.isEmpty()) {
            throw new KarstException(Errors.LEADER_NOT_AVAILABLE, "No broker is registered to lead the partitions of '" + name + "'.");
        }
        if (replicationFactor > brokers.size()) {
            throw new KarstException(Errors.INVALID_REPLICATION_FACTOR, "Replication factor: " + replicationFactor
                    + " larger than available brokers: " + brokers.size() + ".");
        }
        TopicDescription topic = new TopicDescription(name, UUID.randomUUID(), assign(partitions, replicationFactor), configs);
        SortedMap<String, TopicDescription> updated = new TreeMap<>(topics);
        updated.put(name, topic);
        commit(updated);
        return topic;
    }

    /**
     * {@inheritDoc}
     *
     * @throws UncheckedIOException when the new state cannot be written; the topic then still exists
     */
    @Override
    public synchronized void deleteTopic(String name) {
        ensureOpen();
        if (!topics.containsKey(name)) {
            throw new KarstException(Errors.UNKNOWN_TOPIC_OR_PARTITION, "Topic '" + name + "' does not exist.");
        }
        SortedMap<String, TopicDescription> updated = new TreeMap<>(topics);
        updated.remove(name);
        commit(updated);
    }

    /**
     * {@inheritDoc}
     *
     * @throws UncheckedIOException when the new state cannot be written; the topic then keeps its configs
     */
    @Override
    public synchronized TopicDescription updateTopicConfigs(String name, Map<String, String> configs) {
        Objects.requireNonNull(configs, "configs");
        ensureOpen();
        TopicDescription current = topics.get(name);
        if (current == null) {
            throw new KarstException(Errors.UNKNOWN_TOPIC_OR_PARTITION, "Topic '" + name + "' does not exist.");
        }
        TopicDescription updated = new TopicDescription(name, current.topicId(), current.partitions(), configs);
        SortedMap<String, TopicDescription> all = new TreeMap<>(topics);
        all.put(name, updated);
        commit(all);
        return updated;
    }

    @Override
    public synchronized Optional<TopicDescription> topic(String name) {
        ensureOpen();
        return Optional.ofNullable(topics.get(name));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Ids start at 0. The end of the block is on disk before this returns, so ids are never reused,
     * even after a crash (a crash may waste the rest of a block, which is harmless).
     *
     * @throws IllegalArgumentException when {@code count < 1}
     * @throws UncheckedIOException when the new high mark cannot be written; no ids are handed out then
     */
    @Override
    public synchronized long allocateProducerIdBlock(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("producer id block size must be at least 1, got " + count);
        }
        ensureOpen();
        long first = nextProducerId;
        long next;
        try {
            next = Math.addExact(first, count);
        } catch (ArithmeticException e) {
            throw new IllegalStateException("producer ids are exhausted", e);
        }
        dir.saveNextProducerId(next);
        nextProducerId = next;
        return first;
    }

    /** All topics, sorted by name; a snapshot. */
    @Override
    public synchronized Collection<TopicDescription> topics() {
        ensureOpen();
        return List.copyOf(topics.values());
    }

    /** Unlocks the metadata directory; the state is already on disk. Closing twice does nothing. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            dir.close();
        }
    }

    private SortedMap<Integer, PartitionState> assign(int partitions, int replicationFactor) {
        List<Integer> live = new ArrayList<>(brokers.keySet());
        SortedMap<Integer, PartitionState> states = new TreeMap<>();
        for (int p = 0; p < partitions; p++) {
            List<Integer> replicas = new ArrayList<>(replicationFactor);
            for (int r = 0; r < replicationFactor; r++) {
                replicas.add(live.get((p + r) % live.size()));
            }
            states.put(p, new PartitionState(replicas.get(0), 0, replicas, replicas));
        }
        return states;
    }

    /** Writes the new state, then makes it current: a failed write changes nothing. */
    private void commit(SortedMap<String, TopicDescription> updated) {
        dir.saveTopics(updated.values());
        topics = updated;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the local coordinator for " + dir.path() + " is closed");
        }
    }
}
