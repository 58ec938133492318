package io.karst.broker.internal;

import io.karst.api.Errors;
import io.karst.api.record.RecordBatch;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The idempotent producers of one partition: for each producer id its epoch and the last
 * {@value #KEPT_BATCHES} batches (sequence range and offsets), which catch resent batches and
 * sequence gaps. Rebuilt from the log's batch headers when the partition opens, so it survives a
 * restart. Not thread-safe: the partition calls it under its append lock.
 */
final class ProducerStateManager {
    /** Kafka keeps five, the most in-flight requests an idempotent producer may have. */
    static final int KEPT_BATCHES = 5;

    private final Map<Long, ProducerEntry> producers = new HashMap<>();
    private final long expirationMs;

    ProducerStateManager(long expirationMs) {
        this.expirationMs = expirationMs;
    }

    /** What to do with a batch before it is appended. */
    sealed interface Check {
        /** Append it. */
        record Append() implements Check {
        }

        /** Already stored: acknowledge with where it went. */
        record Duplicate(long firstOffset, long lastOffset) implements Check {
        }

        /** Refuse it. */
        record Reject(Errors error, String message) implements Check {
        }
    }

    private static final Check APPEND = new Check.Append();

    Check check(RecordBatch batch) {
        long producerId = batch.producerId();
        if (producerId == RecordBatch.NO_PRODUCER_ID) {
            return APPEND;
        }
        ProducerEntry entry = producers.get(producerId);
        if (entry == null) {
            return APPEND;
        }
        short epoch = batch.producerEpoch();
        int firstSeq = batch.baseSequence();
        if (epoch < entry.epoch) {
            return new Check.Reject(Errors.INVALID_PRODUCER_EPOCH, "Producer " + producerId + "'s epoch " + epoch
                    + " is older than the current epoch " + entry.epoch);
        }
        if (epoch > entry.epoch) {
            return firstSeq == 0 ? APPEND : new Check.Reject(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER,
                    "A new epoch " + epoch + " of producer " + producerId + " must start at sequence 0, not " + firstSeq);
        }
        for (BatchMetadata kept : entry.batches) {
            if (kept.firstSeq == firstSeq && kept.lastSeq == batch.lastSequence()) {
                return new Check.Duplicate(kept.firstOffset, kept.lastOffset);
            }
        }
        int expected = nextSequence(entry.batches.peekLast().lastSeq);
        if (firstSeq != expected) {
            return new Check.Reject(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER, "Producer " + producerId + " sent sequence "
                    + firstSeq + " where " + expected + " was expected");
        }
        return APPEND;
    }

    /** Records a batch just appended (its base offset already assigned), or read back from the log. */
    void record(RecordBatch batch) {
        long producerId = batch.producerId();
        if (producerId == RecordBatch.NO_PRODUCER_ID) {
            return;
        }
        ProducerEntry entry = producers.computeIfAbsent(producerId, id -> new ProducerEntry(batch.producerEpoch()));
        if (batch.producerEpoch() != entry.epoch) {
            entry.epoch = batch.producerEpoch();
            entry.batches.clear();
        }
        entry.batches.addLast(new BatchMetadata(batch.baseSequence(), batch.lastSequence(), batch.baseOffset(),
                batch.lastOffset()));
        if (entry.batches.size() > KEPT_BATCHES) {
            entry.batches.removeFirst();
        }
        entry.lastTimestamp = Math.max(entry.lastTimestamp, batch.maxTimestamp());
    }

    /** Forgets producers not heard from within {@code producer.id.expiration.ms}. */
    void removeExpired(long now) {
        for (Iterator<ProducerEntry> it = producers.values().iterator(); it.hasNext(); ) {
            if (now - it.next().lastTimestamp > expirationMs) {
                it.remove();
            }
        }
    }

    int producerCount() {
        return producers.size();
    }

    private static int nextSequence(int sequence) {
        return sequence == Integer.MAX_VALUE ? 0 : sequence + 1;
    }

    private static final class ProducerEntry {
        private short epoch;
        private long lastTimestamp = Long.MIN_VALUE;
        private final ArrayDeque<BatchMetadata> batches = new ArrayDeque<>(KEPT_BATCHES + 1);

        ProducerEntry(short epoch) {
            this.epoch = epoch;
        }
    }

    private record BatchMetadata(int firstSeq, int lastSeq, long firstOffset, long lastOffset) {
    }
}
