package io.karst.broker.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.coordination.TopicDescription;
import io.karst.api.record.LogRecord;
import io.karst.api.record.RecordBatch;
import io.karst.api.record.RecordReader;
import io.karst.broker.internal.group.OffsetsLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code __consumer_offsets} over the broker's topics: created on first use with
 * {@code offsets.topic.num.partitions} partitions and {@code cleanup.policy=compact}, written through
 * the {@link PartitionAppender} as the coordinator's own batches (stored as built), read back from the log files at start.
 */
public final class OffsetsTopic implements OffsetsLog {
    private static final Logger LOG = LoggerFactory.getLogger(OffsetsTopic.class);
    /** Kafka's settings of the topic: compacted, 100 MiB segments ({@code offsets.topic.segment.bytes}). */
    private static final Map<String, String> CONFIGS = Map.of("cleanup.policy", "compact", "segment.bytes", "104857600");
    private static final int READ_BYTES = 1 << 20;

    /** A group's write is done once in the log, as with {@code acks=1}: on one node that is also committed. */
    private static final short ACKS = 1;

    private final TopicManager topics;
    private final PartitionAppender appender;
    private final int configuredPartitions;

    OffsetsTopic(TopicManager topics, PartitionAppender appender, int configuredPartitions) {
        this.topics = topics;
        this.appender = appender;
        this.configuredPartitions = configuredPartitions;
    }

    /** Whether {@code topic} is an internal topic, as Metadata reports it. */
    public static boolean isInternal(String topic) {
        return TOPIC.equals(topic);
    }

    @Override
    public int partitionCount() {
        return topics.describe(TOPIC).map(TopicDescription::partitionCount).orElse(configuredPartitions);
    }

    @Override
    public synchronized void ensureExists() {
        if (topics.describe(TOPIC).isPresent()) {
            return;
        }
        try {
            topics.create(TOPIC, configuredPartitions, (short) -1, CONFIGS, false);
        } catch (KarstException e) {
            if (e.error() != Errors.TOPIC_ALREADY_EXISTS) {
                throw new KarstException(Errors.COORDINATOR_NOT_AVAILABLE, "cannot create " + TOPIC + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void append(int partition, RecordBatch batch) throws IOException {
        ensureExists();
        TopicPartition tp = new TopicPartition(TOPIC, partition);
        AppendOutcome outcome = appender.append(tp, batch, AppendOrigin.COORDINATOR, ACKS, 0).toCompletableFuture()
                .join();
        switch (outcome.error()) {
            case NONE -> {
            }
            case UNKNOWN_TOPIC_OR_PARTITION -> throw new KarstException(Errors.NOT_COORDINATOR,
                    "this broker does not lead " + tp);
            case KAFKA_STORAGE_ERROR -> throw new IOException(outcome.message());
            default -> throw new KarstException(outcome.error(), "cannot append to " + tp + ": " + outcome.message());
        }
    }

    @Override
    public void forEachRecord(Consumer<LogRecord> action) throws IOException {
        Optional<TopicDescription> topic = topics.describe(TOPIC);
        if (topic.isEmpty()) {
            return;
        }
        for (int p : topic.get().partitions().keySet()) {
            Partition partition = topics.partition(new TopicPartition(TOPIC, p));
            if (partition != null) {
                readPartition(partition, action);
            }
        }
    }

    private static void readPartition(Partition partition, Consumer<LogRecord> action) throws IOException {
        long offset = partition.log().logStartOffset();
        long end = partition.log().logEndOffset();
        while (offset < end) {
            List<RecordBatch> batches = LogReader.read(partition.log(), offset, READ_BYTES);
            if (batches.isEmpty()) {
                break;
            }
            long from = offset;
            for (RecordBatch batch : batches) {
                if (batch.compressionId() != 0 || batch.isControl()) {
                    LOG.warn("Skipping a compressed or control batch at offset {} of {}", batch.baseOffset(),
                            partition.topicPartition());
                } else {
                    for (LogRecord record : RecordReader.read(batch)) {
                        if (record.offset() >= from) {
                            action.accept(record);
                        }
                    }
                }
                offset = Math.max(offset, batch.nextOffset());
            }
        }
    }
}
