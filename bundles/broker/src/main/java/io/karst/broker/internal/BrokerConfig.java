package io.karst.broker.internal;

import io.karst.api.coordination.Endpoint;
import io.karst.broker.internal.group.GroupCoordinatorConfig;

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
 * @param groupCoordinator          the group coordinator's keys ({@code group.*}, {@code offsets.*})
 */
public record BrokerConfig(int brokerId, List<Endpoint> advertisedListeners, int numPartitions,
                           short defaultReplicationFactor, boolean autoCreateTopicsEnable, int messageMaxBytes,
                           boolean logAppendTime, int minInsyncReplicas, long producerIdExpirationMs,
                           int numIoThreads, boolean deleteTopicEnable,
                           GroupCoordinatorConfig groupCoordinator) {

    public BrokerConfig {
        advertisedListeners = List.copyOf(advertisedListeners);
    }

    /** Reads Kafka keys, with Kafka's defaults for the absent ones. */
    public static BrokerConfig fromMap(Map<String, ?> props) {
        ConfigReader r = new ConfigReader(props);
        String advertised = r.string("advertised.listeners", "");
        List<Endpoint> endpoints;
        try {
            endpoints = Endpoint.parseList(advertised);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value for advertised.listeners: " + e.getMessage(), e);
        }
        String timestampType = r.string("log.message.timestamp.type", "CreateTime");
        if (!timestampType.equals("CreateTime") && !timestampType.equals("LogAppendTime")) {
            throw new IllegalArgumentException("Invalid value " + timestampType
                    + " for log.message.timestamp.type: must be CreateTime or LogAppendTime");
        }
        return new BrokerConfig(
                r.intAtLeast("broker.id", 1, 0),
                endpoints,
                r.intAtLeast("num.partitions", 1, 1),
                (short) r.intAtLeast("default.replication.factor", 1, 1),
                r.bool("auto.create.topics.enable", true),
                r.intAtLeast("message.max.bytes", 1048588, 0),
                timestampType.toLowerCase(Locale.ROOT).equals("logappendtime"),
                r.intAtLeast("min.insync.replicas", 1, 1),
                r.longAtLeast("producer.id.expiration.ms", 86_400_000L, 1),
                r.intAtLeast("num.io.threads", 8, 1),
                r.bool("delete.topic.enable", true),
                GroupCoordinatorConfig.fromMap(props));
    }
}
