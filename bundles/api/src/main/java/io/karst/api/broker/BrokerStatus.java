package io.karst.api.broker;

import java.util.List;

/** A running broker's view of itself, for console commands and management. */
public interface BrokerStatus {

    int brokerId();

    String clusterId();

    /** The name of the coordinator in use ({@code local}, {@code zookeeper}), or {@code none}. */
    String coordinatorName();

    /** Every partition this broker holds, sorted by topic then partition. */
    List<PartitionStatus> partitions();
}
