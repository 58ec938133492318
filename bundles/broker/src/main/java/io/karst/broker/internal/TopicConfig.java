package io.karst.broker.internal;

import io.karst.api.log.CleanupPolicy;
import io.karst.api.log.LogConfig;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The topic-level config keys Karst supports, under Kafka's names: how a value is read and checked, the
 * broker-level key whose value is the default (Kafka's synonym), and that default. Anything else is an
 * unknown key. Values are kept as typed objects: Integer, Long, Double, String or {@link CleanupPolicy}.
 */
public enum TopicConfig {
    CLEANUP_POLICY("cleanup.policy", "log.cleanup.policy", TopicConfig::cleanupPolicy,
            (broker, log) -> log.cleanupPolicy()),
    COMPRESSION_TYPE("compression.type", "compression.type", TopicConfig::compressionType,
            (broker, log) -> "producer"),
    DELETE_RETENTION_MS("delete.retention.ms", "log.cleaner.delete.retention.ms", longAtLeast(0),
            (broker, log) -> log.deleteRetentionMs()),
    FILE_DELETE_DELAY_MS("file.delete.delay.ms", "log.segment.delete.delay.ms", longAtLeast(0),
            (broker, log) -> log.fileDeleteDelayMs()),
    FLUSH_MESSAGES("flush.messages", "log.flush.interval.messages", longAtLeast(1),
            (broker, log) -> log.flushMessages()),
    FLUSH_MS("flush.ms", "log.flush.interval.ms", longAtLeast(0), (broker, log) -> log.flushMs()),
    INDEX_INTERVAL_BYTES("index.interval.bytes", "log.index.interval.bytes", intAtLeast(0),
            (broker, log) -> log.indexIntervalBytes()),
    MAX_MESSAGE_BYTES("max.message.bytes", "message.max.bytes", intAtLeast(0),
            (broker, log) -> broker.messageMaxBytes()),
    MESSAGE_TIMESTAMP_TYPE("message.timestamp.type", "log.message.timestamp.type", TopicConfig::timestampType,
            (broker, log) -> broker.logAppendTime() ? "LogAppendTime" : "CreateTime"),
    MIN_CLEANABLE_DIRTY_RATIO("min.cleanable.dirty.ratio", "log.cleaner.min.cleanable.ratio", TopicConfig::ratio,
            (broker, log) -> log.minCleanableDirtyRatio()),
    MIN_INSYNC_REPLICAS("min.insync.replicas", "min.insync.replicas", intAtLeast(1),
            (broker, log) -> broker.minInsyncReplicas()),
    RETENTION_BYTES("retention.bytes", "log.retention.bytes", longAtLeast(-1), (broker, log) -> log.retentionBytes()),
    RETENTION_MS("retention.ms", "log.retention.ms", longAtLeast(-1), (broker, log) -> log.retentionMs()),
    SEGMENT_BYTES("segment.bytes", "log.segment.bytes", intAtLeast(14), (broker, log) -> log.segmentBytes()),
    SEGMENT_INDEX_BYTES("segment.index.bytes", "log.index.size.max.bytes", intAtLeast(8),
            (broker, log) -> log.segmentIndexBytes()),
    SEGMENT_MS("segment.ms", "log.roll.ms", longAtLeast(1), (broker, log) -> log.segmentMs());

    private static final Set<String> COMPRESSION_TYPES = Set.of("producer", "uncompressed", "gzip", "snappy", "lz4", "zstd");

    private final String key;
    private final String brokerKey;
    private final Function<String, Object> parser;
    private final BiFunction<BrokerConfig, LogConfig, Object> brokerDefault;

    TopicConfig(String key, String brokerKey, Function<String, Object> parser,
                BiFunction<BrokerConfig, LogConfig, Object> brokerDefault) {
        this.key = key;
        this.brokerKey = brokerKey;
        this.parser = parser;
        this.brokerDefault = brokerDefault;
    }

    /** Kafka's topic-level name, e.g. {@code retention.ms}. */
    public String key() {
        return key;
    }

    /** Kafka's broker-level name of the default, e.g. {@code log.retention.ms}. */
    public String brokerKey() {
        return brokerKey;
    }

    /** Whether the value is a list ({@code cleanup.policy}), which IncrementalAlterConfigs may append to. */
    public boolean isList() {
        return this == CLEANUP_POLICY;
    }

    public static Optional<TopicConfig> forKey(String key) {
        for (TopicConfig config : values()) {
            if (config.key.equals(key)) {
                return Optional.of(config);
            }
        }
        return Optional.empty();
    }

    /**
     * The typed value of {@code text}.
     *
     * @throws IllegalArgumentException "Invalid value ... for configuration KEY: why"
     */
    Object parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("Invalid value null for configuration " + key + ": a value is required");
        }
        try {
            return parser.apply(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value " + text + " for configuration " + key + ": "
                    + e.getMessage(), e);
        }
    }

    /** The value a topic without an override of this key gets. */
    Object defaultValue(BrokerConfig broker, LogConfig storeDefaults) {
        return brokerDefault.apply(broker, storeDefaults);
    }

    /** A value as Kafka shows it (DescribeConfigs). */
    public static String format(Object value) {
        return value instanceof CleanupPolicy policy ? policy.kafkaName() : String.valueOf(value);
    }

    /**
     * Every supported key's typed value for a topic with {@code overrides}, in key order.
     *
     * @throws IllegalArgumentException naming the key of an unknown key or a bad value
     */
    static Map<TopicConfig, Object> resolve(BrokerConfig broker, LogConfig storeDefaults, Map<String, String> overrides) {
        for (String name : overrides.keySet()) {
            if (forKey(name).isEmpty()) {
                throw new IllegalArgumentException("Unknown topic config name: " + name);
            }
        }
        Map<TopicConfig, Object> values = new EnumMap<>(TopicConfig.class);
        for (TopicConfig config : values()) {
            String text = overrides.get(config.key);
            values.put(config, text != null ? config.parse(text) : config.defaultValue(broker, storeDefaults));
        }
        return values;
    }

    private static Function<String, Object> longAtLeast(long min) {
        return text -> {
            long value;
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a whole number");
            }
            if (value < min) {
                throw new IllegalArgumentException("must be at least " + min);
            }
            return value;
        };
    }

    private static Function<String, Object> intAtLeast(int min) {
        Function<String, Object> asLong = longAtLeast(min);
        return text -> {
            long value = (Long) asLong.apply(text);
            if (value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("must be at most " + Integer.MAX_VALUE);
            }
            return (int) value;
        };
    }

    private static Object ratio(String text) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number");
        }
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("must be between 0 and 1");
        }
        return value;
    }

    private static Object cleanupPolicy(String text) {
        try {
            return CleanupPolicy.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be delete, compact or compact,delete");
        }
    }

    private static Object compressionType(String text) {
        String name = text.toLowerCase(Locale.ROOT);
        if (!COMPRESSION_TYPES.contains(name)) {
            throw new IllegalArgumentException("must be one of producer, uncompressed, gzip, snappy, lz4, zstd");
        }
        return name;
    }

    private static Object timestampType(String text) {
        if (!text.equals("CreateTime") && !text.equals("LogAppendTime")) {
            throw new IllegalArgumentException("must be CreateTime or LogAppendTime");
        }
        return text;
    }
}
