package io.karst.broker.internal;

import io.karst.api.TopicPartition;
import io.karst.api.log.AppendResult;
import io.karst.api.log.PartitionLog;
import io.karst.api.record.RecordBatch;

import java.io.IOException;
import java.util.List;

/**
 * A partition this broker leads: its log, leader epoch, settings and idempotent producers.
 * Appends are serialised here so that the producer check and the write are one step.
 */
public final class Partition {
    private final PartitionLog log;
    private final int leaderEpoch;
    private final ProducerStateManager producers;
    private volatile TopicSettings settings;

    Partition(PartitionLog log, int leaderEpoch, TopicSettings settings, long producerExpirationMs) throws IOException {
        this.log = log;
        this.leaderEpoch = leaderEpoch;
        this.settings = settings;
        this.producers = new ProducerStateManager(producerExpirationMs);
        log.forEachBatch(log.logStartOffset(), producers::record);
    }

    public TopicPartition topicPartition() {
        return log.topicPartition();
    }

    public PartitionLog log() {
        return log;
    }

    public int leaderEpoch() {
        return leaderEpoch;
    }

    public TopicSettings settings() {
        return settings;
    }

    void updateSettings(TopicSettings settings) {
        this.settings = settings;
    }

    /** Whether an append may force the log to disk ({@code flush.messages} is set). */
    public boolean flushesOnAppend() {
        return log.config().flushMessages() < Long.MAX_VALUE;
    }

    /** The high watermark: on a single node every appended record is committed, so it is the log end. */
    public long highWatermark() {
        return log.logEndOffset();
    }

    /**
     * Appends a validated batch unless it repeats one already stored, or its producer is out of step. Only
     * {@link PartitionAppender} calls it: every writer goes through its checks, wake-ups and meters.
     */
    synchronized AppendOutcome append(RecordBatch batch, long now) throws IOException {
        ProducerStateManager.Check check = producers.check(batch);
        if (check instanceof ProducerStateManager.Check.Duplicate dup) {
            return AppendOutcome.appended(dup.firstOffset(), dup.lastOffset(), -1, log.logStartOffset());
        }
        if (check instanceof ProducerStateManager.Check.Reject reject) {
            return AppendOutcome.failed(reject.error(), reject.message());
        }
        long appendTime = settings.logAppendTime() ? now : -1;
        AppendResult result = log.append(List.of(batch), leaderEpoch, appendTime);
        producers.record(batch);
        return AppendOutcome.appended(result.firstOffset(), result.lastOffset(), result.logAppendTime(),
                log.logStartOffset());
    }

    synchronized void removeExpiredProducers(long now) {
        producers.removeExpired(now);
    }
}
