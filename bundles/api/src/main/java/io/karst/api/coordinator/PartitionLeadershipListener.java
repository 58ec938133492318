package io.karst.api.coordinator;

/**
 * Told when this broker starts and stops leading a partition of an internal topic: a coordinator
 * loads the partition's state when it becomes leader and drops it when it resigns. Calls for one
 * partition come in order; a listener must return quickly (load elsewhere) and may be told twice
 * that it leads a partition it already leads.
 */
public interface PartitionLeadershipListener {

    /** This broker now leads {@code partition}, in {@code leaderEpoch}. */
    void becameLeader(int partition, int leaderEpoch);

    /** This broker no longer leads {@code partition} (it moved, or the topic was deleted). */
    void resigned(int partition);
}
