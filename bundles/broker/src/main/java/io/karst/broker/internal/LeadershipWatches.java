package io.karst.broker.internal;

import io.karst.api.TopicPartition;
import io.karst.api.coordinator.InternalTopics;
import io.karst.api.coordinator.PartitionLeadershipListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The leadership listeners of each topic, told when a partition of theirs is opened here as leader or
 * closed. Events are sent under this object's lock, so a listener added while partitions open sees
 * each opening at least once and in order with its closing.
 */
final class LeadershipWatches {
    private static final Logger LOG = LoggerFactory.getLogger(LeadershipWatches.class);

    private final Map<String, List<PartitionLeadershipListener>> listeners = new ConcurrentHashMap<>();

    /**
     * Adds {@code listener} for {@code topic} and tells it about the partitions led now, which
     * {@code ledNow} gives with their leader epochs.
     */
    synchronized InternalTopics.Watch add(String topic, PartitionLeadershipListener listener,
                                          Function<String, Map<Integer, Integer>> ledNow) {
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
        ledNow.apply(topic).forEach((partition, epoch) -> tell(topic, () -> listener.becameLeader(partition, epoch)));
        return () -> remove(topic, listener);
    }

    private synchronized void remove(String topic, PartitionLeadershipListener listener) {
        List<PartitionLeadershipListener> list = listeners.get(topic);
        if (list != null) {
            list.remove(listener);
        }
    }

    synchronized void becameLeader(TopicPartition tp, int leaderEpoch) {
        for (PartitionLeadershipListener listener : listeners.getOrDefault(tp.topic(), List.of())) {
            tell(tp.topic(), () -> listener.becameLeader(tp.partition(), leaderEpoch));
        }
    }

    synchronized void resigned(TopicPartition tp) {
        for (PartitionLeadershipListener listener : listeners.getOrDefault(tp.topic(), List.of())) {
            tell(tp.topic(), () -> listener.resigned(tp.partition()));
        }
    }

    /** One listener's failure must not keep the others, or the partition's opening, from going on. */
    private static void tell(String topic, Runnable event) {
        try {
            event.run();
        } catch (RuntimeException e) {
            LOG.error("A leadership listener of {} failed", topic, e);
        }
    }
}
