package io.karst.api.log;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogConfigTest {

    @Test
    void anUntouchedBuilderGivesKafkasDefaults() {
        LogConfig defaults = LogConfig.builder().build();
        assertThat(defaults).isEqualTo(LogConfig.DEFAULTS);
        assertThat(defaults.segmentBytes()).isEqualTo(1 << 30);
        assertThat(defaults.retentionMs()).isEqualTo(LogConfig.DEFAULT_RETENTION_MS);
        assertThat(defaults.cleanupPolicy()).isEqualTo(CleanupPolicy.DELETE);
    }

    @Test
    void toBuilderChangesOnlyWhatIsSet() {
        LogConfig small = LogConfig.builder().segmentBytes(4096).indexIntervalBytes(256).build();
        LogConfig compacted = small.toBuilder().cleanupPolicy(CleanupPolicy.COMPACT).deleteRetentionMs(10).build();

        assertThat(small.toBuilder().build()).isEqualTo(small);
        assertThat(compacted.segmentBytes()).isEqualTo(4096);
        assertThat(compacted.indexIntervalBytes()).isEqualTo(256);
        assertThat(compacted.cleanupPolicy()).isEqualTo(CleanupPolicy.COMPACT);
        assertThat(compacted.deleteRetentionMs()).isEqualTo(10);
        assertThat(compacted.retentionMs()).isEqualTo(small.retentionMs());
    }

    @Test
    void buildRejectsAValueOutOfRangeNamingItsKafkaKey() {
        assertThatThrownBy(() -> LogConfig.builder().segmentBytes(13).build()).hasMessageContaining("segment.bytes");
        assertThatThrownBy(() -> LogConfig.builder().retentionBytes(-2).build()).hasMessageContaining("retention.bytes");
        assertThatThrownBy(() -> LogConfig.builder().minCleanableDirtyRatio(1.5).build())
                .hasMessageContaining("min.cleanable.dirty.ratio");
    }
}
