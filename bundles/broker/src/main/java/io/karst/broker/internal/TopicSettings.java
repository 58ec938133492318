package io.karst.broker.internal;

import io.karst.api.log.CleanupPolicy;
import io.karst.api.log.LogConfig;

import java.util.Map;

/**
 * A topic's effective settings: its own configs (Kafka's topic-level keys, see {@link TopicConfig}) laid
 * over the broker's and the store's defaults.
 *
 * @param maxMessageBytes   {@code max.message.bytes}
 * @param logAppendTime     {@code message.timestamp.type} = LogAppendTime
 * @param minInsyncReplicas {@code min.insync.replicas}
 * @param logConfig         the storage settings ({@code segment.bytes}, {@code retention.ms}, {@code cleanup.policy}, ...)
 * @param compressionType   {@code compression.type}: producer, uncompressed, gzip, snappy, lz4 or zstd
 */
public record TopicSettings(int maxMessageBytes, boolean logAppendTime, int minInsyncReplicas, LogConfig logConfig,
                     String compressionType) {

    /**
     * The settings of a topic with {@code topicConfigs} as its overrides.
     *
     * @throws IllegalArgumentException naming the key of an unknown key or an invalid value
     */
    static TopicSettings of(BrokerConfig broker, LogConfig storeDefaults, Map<String, String> topicConfigs) {
        Map<TopicConfig, Object> v = TopicConfig.resolve(broker, storeDefaults, topicConfigs);
        LogConfig log = LogConfig.builder()
                .segmentBytes((Integer) v.get(TopicConfig.SEGMENT_BYTES))
                .segmentMs((Long) v.get(TopicConfig.SEGMENT_MS))
                .indexIntervalBytes((Integer) v.get(TopicConfig.INDEX_INTERVAL_BYTES))
                .segmentIndexBytes((Integer) v.get(TopicConfig.SEGMENT_INDEX_BYTES))
                .retentionMs((Long) v.get(TopicConfig.RETENTION_MS))
                .retentionBytes((Long) v.get(TopicConfig.RETENTION_BYTES))
                .cleanupPolicy((CleanupPolicy) v.get(TopicConfig.CLEANUP_POLICY))
                .deleteRetentionMs((Long) v.get(TopicConfig.DELETE_RETENTION_MS))
                .fileDeleteDelayMs((Long) v.get(TopicConfig.FILE_DELETE_DELAY_MS))
                .flushMessages((Long) v.get(TopicConfig.FLUSH_MESSAGES))
                .flushMs((Long) v.get(TopicConfig.FLUSH_MS))
                .minCleanableDirtyRatio((Double) v.get(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO))
                .build();
        return new TopicSettings(
                (Integer) v.get(TopicConfig.MAX_MESSAGE_BYTES),
                v.get(TopicConfig.MESSAGE_TIMESTAMP_TYPE).equals("LogAppendTime"),
                (Integer) v.get(TopicConfig.MIN_INSYNC_REPLICAS),
                log,
                (String) v.get(TopicConfig.COMPRESSION_TYPE));
    }
}
