package io.karst.storage.internal;

import io.karst.api.TopicPartition;
import io.karst.api.log.LogConfig;
import io.karst.api.log.PartitionLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogStoreComponentTest {
    @TempDir
    Path dir;

    @Test
    void activateOpensTheStoreAndDeactivateClosesItCleanly() throws IOException {
        LogStoreComponent component = new LogStoreComponent();
        component.activate(Map.of("log.dirs", dir.toString(), "log.retention.hours", "1"));
        assertThat(component.defaultConfig().retentionMs()).isEqualTo(3_600_000L);
        TopicPartition tp = new TopicPartition("t", 0);
        PartitionLog log = component.getOrCreate(tp, LogConfig.DEFAULTS);
        log.append(List.of(TestBatches.batch(2, 0, 10)), 0, -1);
        assertThat(component.get(tp)).containsSame(log);
        component.close();
        assertThat(dir.resolve(".kafka_cleanshutdown")).exists();

        LogStoreComponent restarted = new LogStoreComponent();
        restarted.activate(Map.of("log.dirs", dir.toString()));
        assertThat(restarted.all()).extracting(PartitionLog::logEndOffset).containsExactly(2L);
        restarted.delete(tp);
        assertThat(restarted.all()).isEmpty();
        restarted.close();
    }

    @Test
    void aBadValueFailsActivationNamingTheKey() {
        LogStoreComponent component = new LogStoreComponent();
        assertThatThrownBy(() -> component.activate(Map.of("log.dirs", dir.toString(), "log.segment.bytes", 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("log.segment.bytes");
    }
}
