package io.karst.broker.internal.group;

import io.karst.api.record.LogRecord;
import io.karst.api.record.RecordBatch;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * The internal topic {@code __consumer_offsets} as the group coordinator uses it: a compacted log of
 * group metadata and committed offsets, one partition per group (by its id's hash).
 */
public interface OffsetsLog {

    /** Kafka's name of the topic. */
    String TOPIC = "__consumer_offsets";

    /** The topic's partition count: {@code offsets.topic.num.partitions}, or what the existing topic has. */
    int partitionCount();

    /** Creates the topic if it does not exist yet. */
    void ensureExists();

    /**
     * Appends one batch to {@code partition}, creating the topic first if needed.
     *
     * @throws io.karst.api.KarstException when the partition cannot take it
     */
    void append(int partition, RecordBatch batch) throws IOException;

    /** Calls {@code action} with every record of every partition, in offset order; nothing when the topic is absent. */
    void forEachRecord(Consumer<LogRecord> action) throws IOException;
}
