package io.karst.api.coordination;

import java.util.List;

/**
 * Who serves a partition.
 *
 * @param leader      broker id of the leader, -1 when none
 * @param leaderEpoch increases with every leader change
 * @param replicas    the assigned replicas (AR), preferred leader first
 * @param isr         the in-sync replicas
 */
public record PartitionState(int leader, int leaderEpoch, List<Integer> replicas, List<Integer> isr) {
    public PartitionState {
        replicas = List.copyOf(replicas);
        isr = List.copyOf(isr);
    }
}
