package io.karst.group.coordinator.internal.runtime;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.coordinator.InternalTopics;
import io.karst.api.coordinator.PartitionLeadershipListener;
import io.karst.api.record.LogRecord;
import io.karst.api.record.RecordBatch;
import io.karst.api.record.RecordReader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One internal topic of one partition kept in memory, led here from the start, so a coordinator's
 * unit test can restart it from what it wrote and move the leadership away and back;
 * {@link #failAppends} makes every append fail as a full disk would.
 */
public final class MemoryInternalTopics implements InternalTopics {
    private final List<RecordBatch> batches = new ArrayList<>();
    private final List<PartitionLeadershipListener> listeners = new CopyOnWriteArrayList<>();
    private boolean failAppends;
    private int leaderEpoch;
    private boolean leader = true;

    public void failAppends(boolean fail) {
        this.failAppends = fail;
    }

    /** The partition moves to another broker. */
    public void resign() {
        leader = false;
        listeners.forEach(l -> l.resigned(0));
    }

    /** The partition comes back, in a new leader epoch. */
    public void lead() {
        leader = true;
        leaderEpoch++;
        listeners.forEach(l -> l.becameLeader(0, leaderEpoch));
    }

    @Override
    public void ensureExists(String topic, int partitions, Map<String, String> configs) {
    }

    @Override
    public OptionalInt partitionCount(String topic) {
        return OptionalInt.of(1);
    }

    @Override
    public synchronized long append(TopicPartition tp, RecordBatch batch) throws IOException {
        if (!leader) {
            throw new KarstException(Errors.NOT_COORDINATOR, "not the leader of " + tp);
        }
        if (failAppends) {
            throw new IOException("No space left on device");
        }
        batches.add(batch);
        return batches.size() - 1;
    }

    @Override
    public synchronized void read(TopicPartition tp, Consumer<LogRecord> action) {
        for (RecordBatch batch : batches) {
            RecordReader.read(batch).forEach(action);
        }
    }

    @Override
    public Watch watchLeadership(String topic, PartitionLeadershipListener listener) {
        listeners.add(listener);
        if (leader) {
            listener.becameLeader(0, leaderEpoch);
        }
        return () -> listeners.remove(listener);
    }
}
