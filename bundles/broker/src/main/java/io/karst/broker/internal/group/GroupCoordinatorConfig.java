package io.karst.broker.internal.group;

import io.karst.broker.internal.ConfigReader;

import java.util.Map;

/**
 * The group coordinator's settings, under Kafka's broker keys (PID {@code io.karst.broker}).
 *
 * @param initialRebalanceDelayMs   {@code group.initial.rebalance.delay.ms}: how long an empty group waits for more members
 * @param minSessionTimeoutMs       {@code group.min.session.timeout.ms}
 * @param maxSessionTimeoutMs       {@code group.max.session.timeout.ms}
 * @param offsetsTopicNumPartitions {@code offsets.topic.num.partitions}
 * @param offsetMetadataMaxBytes    {@code offset.metadata.max.bytes}: the longest metadata string of a commit
 * @param offsetsRetentionMs        {@code offsets.retention.minutes}, in ms: how long an empty group keeps its offsets
 * @param retentionCheckIntervalMs  {@code offsets.retention.check.interval.ms}
 */
public record GroupCoordinatorConfig(int initialRebalanceDelayMs, int minSessionTimeoutMs, int maxSessionTimeoutMs,
                                     int offsetsTopicNumPartitions, int offsetMetadataMaxBytes,
                                     long offsetsRetentionMs, long retentionCheckIntervalMs) {

    /** Kafka's defaults. */
    public static final GroupCoordinatorConfig DEFAULTS = fromMap(Map.of());

    public GroupCoordinatorConfig {
        if (minSessionTimeoutMs > maxSessionTimeoutMs) {
            throw new IllegalArgumentException("group.min.session.timeout.ms " + minSessionTimeoutMs
                    + " is above group.max.session.timeout.ms " + maxSessionTimeoutMs);
        }
    }

    /** Reads Kafka keys, with Kafka's defaults for the absent ones. */
    public static GroupCoordinatorConfig fromMap(Map<String, ?> props) {
        ConfigReader r = new ConfigReader(props);
        return new GroupCoordinatorConfig(
                r.intAtLeast("group.initial.rebalance.delay.ms", 3000, 0),
                r.intAtLeast("group.min.session.timeout.ms", 6000, 1),
                r.intAtLeast("group.max.session.timeout.ms", 1_800_000, 1),
                r.intAtLeast("offsets.topic.num.partitions", 50, 1),
                r.intAtLeast("offset.metadata.max.bytes", 4096, 0),
                r.longAtLeast("offsets.retention.minutes", 7 * 24 * 60, 1) * 60_000L,
                r.longAtLeast("offsets.retention.check.interval.ms", 600_000L, 1));
    }
}
