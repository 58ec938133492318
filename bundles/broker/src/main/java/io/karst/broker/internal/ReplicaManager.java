package io.karst.broker.internal;

import io.karst.api.TopicPartition;
import io.karst.api.coordination.PartitionState;
import io.karst.api.coordination.TopicDescription;
import io.karst.api.coordinator.InternalTopics;
import io.karst.api.coordinator.PartitionLeadershipListener;
import io.karst.api.log.LogStore;
import io.karst.api.log.PartitionLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The partitions this broker leads, each opened over its log in the store. Thread-safe. */
final class ReplicaManager {
    private final BrokerConfig config;
    private final LogStore store;
    private final Map<TopicPartition, Partition> partitions = new ConcurrentHashMap<>();
    private final LeadershipWatches watches = new LeadershipWatches();

    ReplicaManager(BrokerConfig config, LogStore store) {
        this.config = config;
        this.store = store;
    }

    /** Tells {@code listener} about the partitions of {@code topic} led here now and from now on. */
    InternalTopics.Watch watchLeadership(String topic, PartitionLeadershipListener listener) {
        return watches.add(topic, listener, this::ledPartitions);
    }

    /** The open partitions of {@code topic}, with their leader epochs. */
    private Map<Integer, Integer> ledPartitions(String topic) {
        Map<Integer, Integer> led = new TreeMap<>();
        for (Partition p : partitions.values()) {
            if (p.topicPartition().topic().equals(topic)) {
                led.put(p.topicPartition().partition(), p.leaderEpoch());
            }
        }
        return led;
    }

    /** Opens the partitions of {@code topic} that this broker leads (creating their logs) and returns their count. */
    int openLeaderPartitions(TopicDescription topic) {
        TopicSettings settings = TopicSettings.of(config, store.defaultConfig(), topic.configs());
        int opened = 0;
        for (Map.Entry<Integer, PartitionState> e : topic.partitions().entrySet()) {
            PartitionState state = e.getValue();
            if (state.leader() != config.brokerId()) {
                continue;
            }
            TopicPartition tp = new TopicPartition(topic.name(), e.getKey());
            if (!partitions.containsKey(tp)) {
                openAsLeader(tp, state.leaderEpoch(), settings);
            }
            opened++;
        }
        return opened;
    }

    /** Opens the partition unless another thread just did, and tells its listeners it is led here. */
    private void openAsLeader(TopicPartition tp, int leaderEpoch, TopicSettings settings) {
        boolean[] opened = new boolean[1];
        partitions.computeIfAbsent(tp, key -> {
            opened[0] = true;
            return open(key, leaderEpoch, settings);
        });
        if (opened[0]) {
            watches.becameLeader(tp, leaderEpoch);
        }
    }

    private Partition open(TopicPartition tp, int leaderEpoch, TopicSettings settings) {
        try {
            PartitionLog log = store.getOrCreate(tp, settings.logConfig());
            return new Partition(log, leaderEpoch, settings, config.producerIdExpirationMs());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the log of " + tp, e);
        }
    }

    /**
     * Gives the open partitions of {@code topic} and their logs the settings of its current configs: limits
     * apply to the next produce, retention and cleaning to the next pass, segment sizes to the next roll.
     */
    void applySettings(TopicDescription topic) {
        TopicSettings settings = TopicSettings.of(config, store.defaultConfig(), topic.configs());
        for (Partition partition : partitions.values()) {
            if (partition.topicPartition().topic().equals(topic.name())) {
                partition.updateSettings(settings);
                partition.log().updateConfig(settings.logConfig());
            }
        }
    }

    /** The partition, or null when this broker does not lead it. */
    Partition get(TopicPartition tp) {
        return partitions.get(tp);
    }

    Collection<Partition> all() {
        return partitions.values();
    }

    /** Closes and deletes the logs of every partition of {@code topic}. */
    void deleteTopic(String topic) throws IOException {
        List<TopicPartition> doomed = new ArrayList<>();
        for (PartitionLog log : store.all()) {
            if (log.topicPartition().topic().equals(topic)) {
                doomed.add(log.topicPartition());
            }
        }
        for (TopicPartition tp : doomed) {
            if (partitions.remove(tp) != null) {
                watches.resigned(tp);
            }
            store.delete(tp);
        }
    }

    void removeExpiredProducers(long now) {
        for (Partition p : partitions.values()) {
            p.removeExpiredProducers(now);
        }
    }
}
