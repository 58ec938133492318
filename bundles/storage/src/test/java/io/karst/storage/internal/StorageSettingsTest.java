package io.karst.storage.internal;

import io.karst.api.config.ComponentDefaults;
import io.karst.api.log.CleanupPolicy;
import io.karst.api.log.LogConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorageSettingsTest {

    @Test
    void absentKeysGiveKafkasDefaults() {
        StorageSettings settings = StorageSettings.fromMap(Map.of(), "/opt/karaf/data");
        assertThat(settings.logDefaults()).isEqualTo(LogConfig.DEFAULTS);
        assertThat(settings.logDir()).isEqualTo(Path.of("/opt/karaf/data/karst/logs"));
        assertThat(settings).isEqualTo(StorageSettings.withDefaults(Path.of("/opt/karaf/data/karst/logs"), LogConfig.DEFAULTS));
    }

    @Test
    void theMetatypeAndTheShippedCfgFileGiveTheDefaultsInForce() {
        // what Config Admin shows and what etc/ ships must be what runs without a configuration
        Map<String, Object> declared = ComponentDefaults.declaredBy(LogStoreComponent.Config.class);
        assertThat(declared).containsKeys("log.retention.hours", "log.retention.check.interval.ms",
                "log.cleanup.policy", "log.cleaner.enable", "log.cleaner.delete.retention.ms",
                "log.segment.delete.delay.ms", "log.flush.interval.messages", "log.flush.interval.ms",
                "log.cleaner.io.max.bytes.per.second");
        assertThat(StorageSettings.fromMap(declared, "/d")).isEqualTo(StorageSettings.fromMap(Map.of(), "/d"));

        Map<String, String> shipped = new HashMap<>(ComponentDefaults.setIn("io.karst.storage"));
        assertThat(ComponentDefaults.documentedIn("io.karst.storage")).containsExactlyInAnyOrderElementsOf(declared.keySet());
        assertThat(declared.keySet()).containsAll(shipped.keySet());
        // the distribution's etc/system.properties sets karst.data to ${karaf.data}/karst unless it is given
        shipped.replaceAll((key, value) -> value.replace("${karst.data}", "/d/karst"));
        assertThat(StorageSettings.fromMap(shipped, "/d")).isEqualTo(StorageSettings.fromMap(Map.of(), "/d"));
    }

    @Test
    void everyKeyReachesTheSettings() {
        Map<String, Object> props = new HashMap<>();
        props.put("log.dirs", "/var/lib/karst");
        props.put("log.segment.bytes", "2048");
        props.put("log.roll.ms", 60_000L);
        props.put("log.index.interval.bytes", "100");
        props.put("log.index.size.max.bytes", "4096");
        props.put("log.retention.hours", "1");
        props.put("log.retention.bytes", "1000000");
        props.put("log.retention.check.interval.ms", "500");
        props.put("log.cleanup.policy", "delete, compact");
        props.put("log.cleaner.enable", false);
        props.put("log.cleaner.delete.retention.ms", "10");
        props.put("log.cleaner.min.cleanable.ratio", "0.25");
        props.put("log.cleaner.backoff.ms", "20");
        props.put("log.cleaner.io.max.bytes.per.second", "1048576");
        props.put("log.segment.delete.delay.ms", "30");
        props.put("log.flush.interval.messages", "1000");
        props.put("log.flush.interval.ms", "40");
        props.put("log.flush.scheduler.interval.ms", "50");
        StorageSettings settings = StorageSettings.fromMap(props, null);

        assertThat(settings).isEqualTo(new StorageSettings(Path.of("/var/lib/karst"),
                LogConfig.builder()
                        .segmentBytes(2048).segmentMs(60_000).indexIntervalBytes(100).segmentIndexBytes(4096)
                        .retentionMs(3_600_000).retentionBytes(1_000_000).cleanupPolicy(CleanupPolicy.COMPACT_DELETE)
                        .deleteRetentionMs(10).fileDeleteDelayMs(30).flushMessages(1000).flushMs(40)
                        .minCleanableDirtyRatio(0.25).build(),
                500, false, 1048576, 20, 50));
    }

    @Test
    void retentionMsOverridesMinutesWhichOverrideHours() {
        assertThat(StorageSettings.fromMap(Map.of("log.retention.hours", "2"), null).logDefaults().retentionMs())
                .isEqualTo(7_200_000);
        assertThat(StorageSettings.fromMap(Map.of("log.retention.hours", "2", "log.retention.minutes", "3"), null)
                .logDefaults().retentionMs()).isEqualTo(180_000);
        assertThat(StorageSettings.fromMap(Map.of("log.retention.minutes", "3", "log.retention.ms", "-1"), null)
                .logDefaults().retentionMs()).isEqualTo(-1);
        assertThat(StorageSettings.fromMap(Map.of("log.retention.hours", "-1"), null).logDefaults().retentionMs())
                .isEqualTo(-1);
    }

    @Test
    void flushMsDefaultsToTheSchedulerInterval() {
        assertThat(StorageSettings.fromMap(Map.of("log.flush.scheduler.interval.ms", "700"), null).logDefaults().flushMs())
                .isEqualTo(700);
    }

    @Test
    void relativeDirectoriesResolveAgainstKarafDataElseTheWorkingDirectory() {
        assertThat(StorageSettings.fromMap(Map.of("log.dirs", "logs"), "/srv/karaf/data").logDir())
                .isEqualTo(Path.of("/srv/karaf/data/logs"));
        assertThat(StorageSettings.fromMap(Map.of("log.dirs", "logs"), null).logDir())
                .isEqualTo(Path.of("").toAbsolutePath().resolve("logs"));
        assertThat(StorageSettings.fromMap(Map.of("log.dirs", "/var/lib/karst"), "/srv/karaf/data").logDir())
                .isEqualTo(Path.of("/var/lib/karst"));
        assertThat(StorageSettings.fromMap(Map.of("log.dirs", " /a/logs , /b/logs"), null).logDir())
                .isEqualTo(Path.of("/a/logs"));
    }

    @Test
    void badValuesAreErrorsNamingTheirKey() {
        assertThatThrownBy(() -> StorageSettings.fromMap(Map.of("log.dirs", " , "), null)).hasMessageContaining("log.dirs");
        Map<String, String> bad = Map.of(
                "log.segment.bytes", "13",
                "log.roll.ms", "0",
                "log.index.interval.bytes", "-1",
                "log.index.size.max.bytes", "abc",
                "log.retention.bytes", "-2",
                "log.cleanup.policy", "archive",
                "log.cleaner.enable", "yes",
                "log.cleaner.min.cleanable.ratio", "1.5",
                "log.flush.interval.messages", "0",
                "log.retention.check.interval.ms", "0");
        bad.forEach((key, value) -> assertThatThrownBy(() -> StorageSettings.fromMap(Map.of(key, value), null))
                .as(key).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(key));
    }
}
