package io.karst.api.group;

/** The states of a classic group, with the names Kafka shows in DescribeGroups and its tools. */
public enum GroupState {
    /** No members; committed offsets may remain. */
    EMPTY("Empty"),
    /** A rebalance began: members are rejoining until all did or the rebalance timeout passed. */
    PREPARING_REBALANCE("PreparingRebalance"),
    /** The join phase ended; the leader's assignment is awaited in SyncGroup. */
    COMPLETING_REBALANCE("CompletingRebalance"),
    /** Every member has its assignment. */
    STABLE("Stable"),
    /** Removed: no members and no offsets left. */
    DEAD("Dead");

    private final String kafkaName;

    GroupState(String kafkaName) {
        this.kafkaName = kafkaName;
    }

    /** The name on the wire and in Kafka's tools, e.g. {@code PreparingRebalance}. */
    public String kafkaName() {
        return kafkaName;
    }
}
