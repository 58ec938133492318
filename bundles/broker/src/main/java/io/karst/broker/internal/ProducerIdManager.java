package io.karst.broker.internal;

import io.karst.api.coordination.Coordinator;

/**
 * Hands out producer ids from blocks reserved through the coordinator, so that ids stay unique
 * across restarts without a coordinator call per producer.
 */
public final class ProducerIdManager {
    static final int BLOCK_SIZE = 1000;

    private final Coordinator coordinator;
    private long next;
    private long blockEnd;

    ProducerIdManager(Coordinator coordinator) {
        this.coordinator = coordinator;
    }

    public synchronized long nextProducerId() {
        if (next >= blockEnd) {
            next = coordinator.allocateProducerIdBlock(BLOCK_SIZE);
            blockEnd = next + BLOCK_SIZE;
        }
        return next++;
    }
}
