package io.karst.broker.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.record.RecordBatch;
import io.karst.broker.internal.metrics.BrokerTopicMetrics;
import io.karst.protocol.ApiKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The one way a batch gets into a partition, whoever writes it (a producer, the console, the group
 * coordinator, later the replica fetcher): validate it for the topic's settings, convert it to the
 * topic's {@code compression.type}, append it (or find it already stored, for a resent idempotent
 * batch), wake the fetches waiting on the partition, count it once in the produce meters, and
 * complete when it is as durable as {@code acks} asks: at once for 0 and 1, for -1 (all) when the
 * partition's high watermark passes its last offset, through the produce purgatory. Thread-safe;
 * appends to one partition are serialised by the partition.
 */
public final class PartitionAppender {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionAppender.class);
    private static final short ACKS_ALL = -1;

    private final TopicManager topics;
    private final BatchConverter converter;
    private final Purgatory fetchPurgatory;
    private final Purgatory producePurgatory;
    private final BrokerTopicMetrics metrics;
    private final Clock clock;

    PartitionAppender(TopicManager topics, BatchConverter converter, Purgatory fetchPurgatory,
                      Purgatory producePurgatory, BrokerTopicMetrics metrics, Clock clock) {
        this.topics = topics;
        this.converter = converter;
        this.fetchPurgatory = fetchPurgatory;
        this.producePurgatory = producePurgatory;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Writes {@code batch} to {@code tp} and completes when it is as durable as {@code acks} asks, or with
     * REQUEST_TIMED_OUT after {@code timeoutMs} when it does not get there. Never completes exceptionally:
     * a refusal is an outcome with its error.
     */
    public CompletionStage<AppendOutcome> append(TopicPartition tp, RecordBatch batch, AppendOrigin origin, short acks,
                                                 long timeoutMs) {
        Partition partition = topics.partition(tp);
        if (partition == null) {
            return CompletableFuture.completedFuture(AppendOutcome.failed(Errors.UNKNOWN_TOPIC_OR_PARTITION,
                    "This server does not host this topic-partition: " + tp));
        }
        AppendOutcome outcome = append(partition, batch.buffer(), origin, ApiKeys.PRODUCE.maxVersion(), acks);
        return whenDurable(partition, outcome, acks, timeoutMs);
    }

    /**
     * Writes the one batch in {@code records} to {@code partition} now (the network thread's form: nothing
     * waits); {@link #isDurable} and {@link #whenDurable} then tell when {@code acks=-1} may be answered.
     *
     * @param produceVersion the Produce version the batch came with (zstd needs v7)
     */
    public AppendOutcome append(Partition partition, ByteBuffer records, AppendOrigin origin, int produceVersion,
                                short acks) {
        TopicPartition tp = partition.topicPartition();
        AppendOutcome outcome;
        RecordBatch sent = null;
        try {
            if (origin.fromProducer()) {
                sent = BatchValidator.validate(records, produceVersion, partition.settings());
                checkReplicas(partition, acks);
                try (BatchConverter.Prepared prepared = converter.prepare(sent, partition.settings(), tp)) {
                    outcome = partition.append(prepared.batch(), clock.millis());
                }
            } else {
                outcome = partition.append(RecordBatch.wrap(records), clock.millis());
            }
        } catch (KarstException e) {
            outcome = AppendOutcome.failed(e);
        } catch (IOException e) {
            LOG.error("Cannot append to {}", tp, e);
            outcome = AppendOutcome.failed(Errors.KAFKA_STORAGE_ERROR, "Cannot append to " + tp + ": " + e.getMessage());
        }
        if (outcome.succeeded()) {
            fetchPurgatory.checkAndComplete(tp);
            highWatermarkMoved(tp); // on a single node the high watermark moves with the append
        }
        if (origin.fromProducer()) {
            count(tp, sent, outcome);
        }
        return outcome;
    }

    /** Whether {@code outcome} may be answered now for {@code acks}: refused, or not asked to wait, or committed. */
    public boolean isDurable(Partition partition, AppendOutcome outcome, short acks) {
        return acks != ACKS_ALL || !outcome.succeeded() || partition.highWatermark() > outcome.lastOffset();
    }

    /** Completes with {@code outcome} once it {@link #isDurable is durable}, or with REQUEST_TIMED_OUT after {@code timeoutMs}. */
    public CompletionStage<AppendOutcome> whenDurable(Partition partition, AppendOutcome outcome, short acks,
                                                      long timeoutMs) {
        if (isDurable(partition, outcome, acks)) {
            return CompletableFuture.completedFuture(outcome);
        }
        DelayedProduce waiting = new DelayedProduce(partition, outcome, timeoutMs);
        producePurgatory.tryCompleteElseWatch(waiting, List.of(partition.topicPartition()), timeoutMs);
        return waiting.result();
    }

    /** The high watermark of {@code tp} moved: the {@code acks=-1} appends it now covers complete. */
    public void highWatermarkMoved(TopicPartition tp) {
        producePurgatory.checkAndComplete(tp);
    }

    private static void checkReplicas(Partition partition, short acks) {
        int minInsync = partition.settings().minInsyncReplicas();
        if (acks == ACKS_ALL && minInsync > 1) {
            throw new KarstException(Errors.NOT_ENOUGH_REPLICAS, "min.insync.replicas " + minInsync
                    + " exceeds the 1 in-sync replica of " + partition.topicPartition());
        }
    }

    /** Counts a producer's batch once: its records and bytes when stored, a failed produce when not. */
    private void count(TopicPartition tp, RecordBatch sent, AppendOutcome outcome) {
        if (outcome.succeeded()) {
            metrics.appended(tp.topic(), sent.recordsCount(), sent.sizeInBytes());
        } else {
            metrics.produceFailed(tp.topic());
        }
    }
}
