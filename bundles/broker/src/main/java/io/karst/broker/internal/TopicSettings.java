package io.karst.broker.internal;

import io.karst.api.log.LogConfig;

import java.util.Map;

/**
 * A topic's effective settings: its own configs (Kafka's topic-level keys) laid over the broker's
 * and the store's defaults.
 *
 * @param maxMessageBytes   {@code max.message.bytes}
 * @param logAppendTime     {@code message.timestamp.type} = LogAppendTime
 * @param minInsyncReplicas {@code min.insync.replicas}
 * @param logConfig         the storage settings ({@code segment.bytes}, {@code segment.ms}, ...)
 */
record TopicSettings(int maxMessageBytes, boolean logAppendTime, int minInsyncReplicas, LogConfig logConfig) {

    static TopicSettings of(BrokerConfig broker, LogConfig storeDefaults, Map<String, String> topicConfigs) {
        ConfigReader r = new ConfigReader(topicConfigs);
        String timestampType = r.string("message.timestamp.type", broker.logAppendTime() ? "LogAppendTime" : "CreateTime");
        LogConfig log = new LogConfig(
                r.intAtLeast("segment.bytes", storeDefaults.segmentBytes(), 14),
                r.longAtLeast("segment.ms", storeDefaults.segmentMs(), 1),
                r.intAtLeast("index.interval.bytes", storeDefaults.indexIntervalBytes(), 0),
                r.intAtLeast("segment.index.bytes", storeDefaults.segmentIndexBytes(), 8));
        return new TopicSettings(
                r.intAtLeast("max.message.bytes", broker.messageMaxBytes(), 0),
                timestampType.equals("LogAppendTime"),
                r.intAtLeast("min.insync.replicas", broker.minInsyncReplicas(), 1),
                log);
    }
}
