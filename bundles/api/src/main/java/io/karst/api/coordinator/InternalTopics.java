package io.karst.api.coordinator;

import io.karst.api.TopicPartition;
import io.karst.api.record.LogRecord;
import io.karst.api.record.RecordBatch;

import java.io.IOException;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The broker's internal topics as a coordinator uses them: created on first use, written through
 * the broker's one append path (as the coordinator's own batches, stored as built), read back from
 * the log when this broker becomes a partition's leader. Thread-safe.
 */
public interface InternalTopics {

    /**
     * Creates {@code topic} with {@code partitions} partitions and {@code configs} unless it exists.
     *
     * @throws io.karst.api.KarstException COORDINATOR_NOT_AVAILABLE when it cannot be created
     */
    void ensureExists(String topic, int partitions, Map<String, String> configs);

    /** The topic's partition count, empty while the topic does not exist. */
    OptionalInt partitionCount(String topic);

    /**
     * Appends {@code batch} to {@code tp} and returns once it is committed; returns its base offset.
     *
     * @throws io.karst.api.KarstException NOT_COORDINATOR when this broker does not lead {@code tp},
     *     or the error the append was refused with
     * @throws IOException when the log cannot be written
     */
    long append(TopicPartition tp, RecordBatch batch) throws IOException;

    /**
     * Calls {@code action} with every record of {@code tp} this broker holds, in offset order
     * (compressed and control batches are skipped with a warning).
     *
     * @throws io.karst.api.KarstException NOT_COORDINATOR when this broker does not lead {@code tp}
     */
    void read(TopicPartition tp, Consumer<LogRecord> action) throws IOException;

    /**
     * Tells {@code listener} about every partition of {@code topic} this broker leads now and from
     * now on, until the returned watch is closed.
     */
    Watch watchLeadership(String topic, PartitionLeadershipListener listener);

    /** A registration of a leadership listener. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }
}
