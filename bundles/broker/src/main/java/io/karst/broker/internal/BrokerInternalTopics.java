package io.karst.broker.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.coordination.TopicDescription;
import io.karst.api.coordinator.InternalTopics;
import io.karst.api.coordinator.PartitionLeadershipListener;
import io.karst.api.record.LogRecord;
import io.karst.api.record.RecordBatch;
import io.karst.api.record.RecordReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Internal topics over the broker's own: created through the topic manager, written through the
 * {@link PartitionAppender} as a coordinator's batches (stored as built, committed before the call
 * returns), read back from the log files when a coordinator loads a partition.
 */
final class BrokerInternalTopics implements InternalTopics {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerInternalTopics.class);
    private static final int READ_BYTES = 1 << 20;
    /** A coordinator's write is answered once committed: every in-sync replica has it. */
    private static final short ACKS_ALL = -1;
    private static final long COMMIT_TIMEOUT_MS = 5_000;

    private final TopicManager topics;
    private final ReplicaManager replicas;
    private final PartitionAppender appender;

    BrokerInternalTopics(TopicManager topics, ReplicaManager replicas, PartitionAppender appender) {
        this.topics = topics;
        this.replicas = replicas;
        this.appender = appender;
    }

    @Override
    public synchronized void ensureExists(String topic, int partitions, Map<String, String> configs) {
        if (topics.describe(topic).isPresent()) {
            return;
        }
        try {
            topics.create(topic, partitions, (short) -1, configs, false);
        } catch (KarstException e) {
            if (e.error() != Errors.TOPIC_ALREADY_EXISTS) {
                throw new KarstException(Errors.COORDINATOR_NOT_AVAILABLE, "cannot create " + topic + ": "
                        + e.getMessage(), e);
            }
        }
    }

    @Override
    public OptionalInt partitionCount(String topic) {
        return topics.describe(topic).map(t -> OptionalInt.of(t.partitionCount())).orElse(OptionalInt.empty());
    }

    @Override
    public long append(TopicPartition tp, RecordBatch batch) throws IOException {
        AppendOutcome outcome = appender.append(tp, batch, AppendOrigin.COORDINATOR, ACKS_ALL, COMMIT_TIMEOUT_MS)
                .toCompletableFuture().join();
        return switch (outcome.error()) {
            case NONE -> outcome.baseOffset();
            case UNKNOWN_TOPIC_OR_PARTITION -> throw notLeader(tp);
            case KAFKA_STORAGE_ERROR -> throw new IOException(outcome.message());
            default -> throw new KarstException(outcome.error(), "cannot append to " + tp + ": " + outcome.message());
        };
    }

    @Override
    public void read(TopicPartition tp, Consumer<LogRecord> action) throws IOException {
        Partition partition = replicas.get(tp);
        if (partition == null) {
            throw notLeader(tp);
        }
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
                    LOG.warn("Skipping a compressed or control batch at offset {} of {}", batch.baseOffset(), tp);
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

    @Override
    public Watch watchLeadership(String topic, PartitionLeadershipListener listener) {
        return replicas.watchLeadership(topic, listener);
    }

    private static KarstException notLeader(TopicPartition tp) {
        return new KarstException(Errors.NOT_COORDINATOR, "this broker does not lead " + tp);
    }
}
