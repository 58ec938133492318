package io.karst.broker.internal;

import io.karst.api.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where delayed operations wait, watched by partition: a change to a partition re-checks the
 * operations watching it, and a timer expires the rest. No thread waits per request.
 */
public final class Purgatory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Purgatory.class);

    private final Map<TopicPartition, Set<DelayedOperation>> watchers = new ConcurrentHashMap<>();
    private final DelayTimer timer;

    /** A purgatory expiring its operations on a thread of its own, {@code karst-purgatory-<name>}. */
    Purgatory(String name) {
        this(new ExecutorDelayTimer("karst-purgatory-" + name));
    }

    Purgatory(DelayTimer timer) {
        this.timer = timer;
    }

    /**
     * Completes {@code op} now if it can; otherwise watches it on {@code keys} until it can or
     * {@code delayMs} passes.
     */
    public void tryCompleteElseWatch(DelayedOperation op, Collection<TopicPartition> keys, long delayMs) {
        if (op.tryComplete()) {
            return;
        }
        for (TopicPartition key : keys) {
            watchers.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(op);
        }
        op.setTimeout(timer.schedule(() -> expire(op, keys), delayMs));
        // A change between the first check and the watch would otherwise go unnoticed.
        if (op.tryComplete()) {
            unwatch(op, keys);
        }
    }

    /** Re-checks the operations watching {@code key}, after a change to it (an append, a new high watermark). */
    public void checkAndComplete(TopicPartition key) {
        Set<DelayedOperation> ops = watchers.get(key);
        if (ops == null) {
            return;
        }
        for (DelayedOperation op : ops) {
            if (op.isCompleted() || op.tryComplete()) {
                ops.remove(op);
            }
        }
    }

    private void expire(DelayedOperation op, Collection<TopicPartition> keys) {
        try {
            op.forceComplete();
        } catch (RuntimeException e) {
            LOG.warn("A delayed operation failed on expiry", e);
        }
        unwatch(op, keys);
    }

    private void unwatch(DelayedOperation op, Collection<TopicPartition> keys) {
        for (TopicPartition key : keys) {
            Set<DelayedOperation> ops = watchers.get(key);
            if (ops != null) {
                ops.remove(op);
            }
        }
    }

    /** Operations currently watched (for tests and metrics). */
    int watched() {
        return watchers.values().stream().mapToInt(Set::size).sum();
    }

    /** Completes every waiting operation and stops the timer. */
    @Override
    public void close() {
        timer.close();
        for (Set<DelayedOperation> ops : watchers.values()) {
            for (DelayedOperation op : ops) {
                op.forceComplete();
            }
        }
        watchers.clear();
    }
}
