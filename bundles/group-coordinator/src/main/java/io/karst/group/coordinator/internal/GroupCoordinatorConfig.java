package io.karst.group.coordinator.internal;

import io.karst.api.config.ConfigReader;

import java.util.Map;

/**
 * The group coordinator's settings, under Kafka's broker keys (PID {@code io.karst.group.coordinator}).
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

    // Kafka's defaults, the one home of the values the metatype (GroupCoordinatorComponent.Config) declares
    public static final int DEFAULT_INITIAL_REBALANCE_DELAY_MS = 3000;
    public static final int DEFAULT_MIN_SESSION_TIMEOUT_MS = 6000;
    public static final int DEFAULT_MAX_SESSION_TIMEOUT_MS = 1_800_000;
    public static final int DEFAULT_OFFSETS_TOPIC_NUM_PARTITIONS = 50;
    public static final int DEFAULT_OFFSET_METADATA_MAX_BYTES = 4096;
    public static final int DEFAULT_OFFSETS_RETENTION_MINUTES = 7 * 24 * 60;
    public static final long DEFAULT_OFFSETS_RETENTION_CHECK_INTERVAL_MS = 600_000L;

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
                r.intAtLeast("group.initial.rebalance.delay.ms", DEFAULT_INITIAL_REBALANCE_DELAY_MS, 0),
                r.intAtLeast("group.min.session.timeout.ms", DEFAULT_MIN_SESSION_TIMEOUT_MS, 1),
                r.intAtLeast("group.max.session.timeout.ms", DEFAULT_MAX_SESSION_TIMEOUT_MS, 1),
                r.intAtLeast("offsets.topic.num.partitions", DEFAULT_OFFSETS_TOPIC_NUM_PARTITIONS, 1),
                r.intAtLeast("offset.metadata.max.bytes", DEFAULT_OFFSET_METADATA_MAX_BYTES, 0),
                r.longAtLeast("offsets.retention.minutes", DEFAULT_OFFSETS_RETENTION_MINUTES, 1) * 60_000L,
                r.longAtLeast("offsets.retention.check.interval.ms", DEFAULT_OFFSETS_RETENTION_CHECK_INTERVAL_MS, 1));
    }
}
