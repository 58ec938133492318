package io.karst.api.broker;

import java.util.List;

/** A running broker's view of itself, for console commands and management. */
public interface BrokerStatus {

    int brokerId();

    String clusterId();

    /** The configured listeners, e.g. {@code PLAINTEXT://127.0.0.1:9092}. */
    List<String> listeners();

    /** The name of the coordinator in use ({@code local}, {@code zookeeper}), or {@code none}. */
    String coordinatorName();

    /** Every partition this broker holds, sorted by topic then partition. */
    List<PartitionStatus> partitions();
}
