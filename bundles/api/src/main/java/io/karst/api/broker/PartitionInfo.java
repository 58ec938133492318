package io.karst.api.broker;

import java.util.List;

/**
 * One partition of a topic: where it lives and how far its log reaches.
 *
 * @param partition      its index
 * @param leader         the leader's broker id, -1 when none
 * @param replicas       the brokers holding a replica
 * @param isr            the in-sync replicas
 * @param logStartOffset the first offset still in the log, -1 when this broker does not hold it
 * @param logEndOffset   the offset of the next record, -1 when this broker does not hold it
 * @param sizeInBytes    the bytes of its segments on this broker
 */
public record PartitionInfo(int partition, int leader, List<Integer> replicas, List<Integer> isr,
                            long logStartOffset, long logEndOffset, long sizeInBytes) {
    public PartitionInfo {
        replicas = List.copyOf(replicas);
        isr = List.copyOf(isr);
    }
}
