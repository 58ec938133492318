package io.karst.broker.internal;

import io.karst.api.coordination.Endpoint;
import io.karst.api.config.ConfigReader;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The broker's settings, under Kafka's keys (PID {@code io.karst.broker}).
 *
 * @param brokerId                  {@code broker.id}
 * @param advertisedListeners       {@code advertised.listeners}; empty: clients are told the address they connected to
 * @param numPartitions             {@code num.partitions} for auto-created topics and CreateTopics with -1
 * @param defaultReplicationFactor  {@code default.replication.factor}
 * @param autoCreateTopicsEnable    {@code auto.create.topics.enable}
 * @param messageMaxBytes           {@code message.max.bytes}: the largest record batch accepted
 * @param logAppendTime             {@code log.message.timestamp.type} = LogAppendTime
 * @param minInsyncReplicas         {@code min.insync.replicas} for acks=all
 * @param producerIdExpirationMs    {@code producer.id.expiration.ms}
 * @param numIoThreads              {@code num.io.threads}: threads that serve requests off the network threads (all but produce and fetch to open partitions)
 * @param deleteTopicEnable         {@code delete.topic.enable}
 */
public record BrokerConfig(int brokerId, List<Endpoint> advertisedListeners, int numPartitions,
                           short defaultReplicationFactor, boolean autoCreateTopicsEnable, int messageMaxBytes,
                           boolean logAppendTime, int minInsyncReplicas, long producerIdExpirationMs,
                           int numIoThreads, boolean deleteTopicEnable) {

    // Kafka's defaults, the one home of the values the metatype (BrokerComponent.Config) declares
    public static final int DEFAULT_BROKER_ID = 1;
    public static final String DEFAULT_ADVERTISED_LISTENERS = "";
    public static final int DEFAULT_NUM_PARTITIONS = 1;
    public static final int DEFAULT_REPLICATION_FACTOR = 1;
    public static final boolean DEFAULT_AUTO_CREATE_TOPICS_ENABLE = true;
    public static final int DEFAULT_MESSAGE_MAX_BYTES = 1048588;
    public static final String DEFAULT_LOG_MESSAGE_TIMESTAMP_TYPE = "CreateTime";
    public static final int DEFAULT_MIN_INSYNC_REPLICAS = 1;
    public static final long DEFAULT_PRODUCER_ID_EXPIRATION_MS = 86_400_000L;
    public static final int DEFAULT_NUM_IO_THREADS = 8;
    public static final boolean DEFAULT_DELETE_TOPIC_ENABLE = true;

    public BrokerConfig {
        advertisedListeners = List.copyOf(advertisedListeners);
    }

    /** Reads Kafka keys, with Kafka's defaults for the absent ones. */
    public static BrokerConfig fromMap(Map<String, ?> props) {
        ConfigReader r = new ConfigReader(props);
        String advertised = r.string("advertised.listeners", DEFAULT_ADVERTISED_LISTENERS);
        List<Endpoint> endpoints;
        try {
            endpoints = Endpoint.parseList(advertised);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value for advertised.listeners: " + e.getMessage(), e);
        }
        String timestampType = r.string("log.message.timestamp.type", DEFAULT_LOG_MESSAGE_TIMESTAMP_TYPE);
        if (!timestampType.equals("CreateTime") && !timestampType.equals("LogAppendTime")) {
            throw new IllegalArgumentException("Invalid value " + timestampType
                    + " for log.message.timestamp.type: must be CreateTime or LogAppendTime");
        }
        return new BrokerConfig(
                r.intAtLeast("broker.id", DEFAULT_BROKER_ID, 0),
                endpoints,
                r.intAtLeast("num.partitions", DEFAULT_NUM_PARTITIONS, 1),
                (short) r.intAtLeast("default.replication.factor", DEFAULT_REPLICATION_FACTOR, 1),
                r.bool("auto.create.topics.enable", DEFAULT_AUTO_CREATE_TOPICS_ENABLE),
                r.intAtLeast("message.max.bytes", DEFAULT_MESSAGE_MAX_BYTES, 0),
                timestampType.toLowerCase(Locale.ROOT).equals("logappendtime"),
                r.intAtLeast("min.insync.replicas", DEFAULT_MIN_INSYNC_REPLICAS, 1),
                r.longAtLeast("producer.id.expiration.ms", DEFAULT_PRODUCER_ID_EXPIRATION_MS, 1),
                r.intAtLeast("num.io.threads", DEFAULT_NUM_IO_THREADS, 1),
                r.bool("delete.topic.enable", DEFAULT_DELETE_TOPIC_ENABLE));
    }
}
