package io.karst.broker.internal;

import io.karst.api.log.CleanupPolicy;
import io.karst.api.log.LogConfig;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicSettingsTest {
    private static final BrokerConfig BROKER = BrokerConfig.fromMap(Map.of("message.max.bytes", "2000000"));

    @Test
    void withoutOverridesATopicHasTheBrokerAndStoreDefaults() {
        TopicSettings settings = TopicSettings.of(BROKER, LogConfig.DEFAULTS, Map.of());
        assertThat(settings.logConfig()).isEqualTo(LogConfig.DEFAULTS);
        assertThat(settings.maxMessageBytes()).isEqualTo(2_000_000);
        assertThat(settings.compressionType()).isEqualTo("producer");
        assertThat(settings.logAppendTime()).isFalse();
    }

    @Test
    void everySupportedKeyReachesTheSettings() {
        Map<String, String> configs = new HashMap<>();
        configs.put("retention.ms", "1000");
        configs.put("retention.bytes", "2000");
        configs.put("segment.bytes", "1048576");
        configs.put("segment.ms", "3000");
        configs.put("segment.index.bytes", "4096");
        configs.put("index.interval.bytes", "100");
        configs.put("cleanup.policy", "compact,delete");
        configs.put("delete.retention.ms", "5000");
        configs.put("file.delete.delay.ms", "6000");
        configs.put("flush.messages", "7");
        configs.put("flush.ms", "8000");
        configs.put("max.message.bytes", "9000");
        configs.put("message.timestamp.type", "LogAppendTime");
        configs.put("min.insync.replicas", "1");
        configs.put("compression.type", "zstd");
        configs.put("min.cleanable.dirty.ratio", "0.1");
        TopicSettings settings = TopicSettings.of(BROKER, LogConfig.DEFAULTS, configs);

        assertThat(settings.logConfig()).isEqualTo(LogConfig.builder()
                .segmentBytes(1048576).segmentMs(3000).indexIntervalBytes(100).segmentIndexBytes(4096)
                .retentionMs(1000).retentionBytes(2000).cleanupPolicy(CleanupPolicy.COMPACT_DELETE)
                .deleteRetentionMs(5000).fileDeleteDelayMs(6000).flushMessages(7).flushMs(8000)
                .minCleanableDirtyRatio(0.1).build());
        assertThat(settings.maxMessageBytes()).isEqualTo(9000);
        assertThat(settings.logAppendTime()).isTrue();
        assertThat(settings.compressionType()).isEqualTo("zstd");
        assertThat(configs.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(TopicConfig.values()).map(TopicConfig::key).toList());
    }

    @Test
    void unknownKeysAndBadValuesAreRejectedNamingTheKey() {
        assertThatThrownBy(() -> TopicSettings.of(BROKER, LogConfig.DEFAULTS, Map.of("retention.hours", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Unknown topic config name: retention.hours");
        Map<String, String> bad = Map.of(
                "retention.ms", "-2",
                "segment.bytes", "ten",
                "cleanup.policy", "archive",
                "compression.type", "brotli",
                "message.timestamp.type", "NowTime",
                "min.cleanable.dirty.ratio", "2",
                "flush.messages", "0",
                "min.insync.replicas", "0");
        bad.forEach((key, value) -> assertThatThrownBy(() -> TopicSettings.of(BROKER, LogConfig.DEFAULTS, Map.of(key, value)))
                .as(key).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid value " + value + " for configuration " + key + ": "));
    }
}
