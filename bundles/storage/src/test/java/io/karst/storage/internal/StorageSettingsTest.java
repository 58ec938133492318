package io.karst.storage.internal;

import io.karst.api.log.LogConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorageSettingsTest {

    @Test
    void defaultsGiveKafkasLogSettings() {
        StorageSettings settings = StorageSettings.of("karst/logs", 1073741824, 604800000L, 4096, 10485760, "/opt/karaf/data");
        assertThat(settings.logDefaults()).isEqualTo(LogConfig.DEFAULTS);
        assertThat(settings.logDir()).isEqualTo(Path.of("/opt/karaf/data/karst/logs"));
    }

    @Test
    void theComponentDefaultsAreKafkasDefaults() {
        StorageSettings settings = StorageSettings.from(TestConfigs.storageConfig(Map.of()), "/k/data");
        assertThat(settings.logDefaults()).isEqualTo(LogConfig.DEFAULTS);
        assertThat(settings.logDir()).isEqualTo(Path.of("/k/data/karst/logs"));
        assertThatThrownBy(() -> StorageSettings.from(TestConfigs.storageConfig(
                Map.of("log_index_interval_bytes", new IllegalArgumentException("cannot convert 'abc'"))), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("log.index.interval.bytes: cannot convert 'abc'");
    }

    @Test
    void relativeDirectoriesResolveAgainstKarafDataElseTheWorkingDirectory() {
        assertThat(StorageSettings.of("logs", 1024, 1, 0, 8, "/srv/karaf/data").logDir())
                .isEqualTo(Path.of("/srv/karaf/data/logs"));
        assertThat(StorageSettings.of("logs", 1024, 1, 0, 8, null).logDir())
                .isEqualTo(Path.of("").toAbsolutePath().resolve("logs"));
        assertThat(StorageSettings.of("/var/lib/karst", 1024, 1, 0, 8, "/srv/karaf/data").logDir())
                .isEqualTo(Path.of("/var/lib/karst"));
    }

    @Test
    void onlyTheFirstOfSeveralDirectoriesIsUsed() {
        assertThat(StorageSettings.of(" /a/logs , /b/logs", 1024, 1, 0, 8, null).logDir()).isEqualTo(Path.of("/a/logs"));
    }

    @Test
    void badValuesAreErrorsNamingTheirKey() {
        assertThatThrownBy(() -> StorageSettings.of(" , ", 1024, 1, 0, 8, null)).hasMessageContaining("log.dirs");
        assertThatThrownBy(() -> StorageSettings.of("logs", 13, 1, 0, 8, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("log.segment.bytes");
        assertThatThrownBy(() -> StorageSettings.of("logs", 1024, 0, 0, 8, null)).hasMessageContaining("log.roll.ms");
        assertThatThrownBy(() -> StorageSettings.of("logs", 1024, 1, -1, 8, null)).hasMessageContaining("log.index.interval.bytes");
        assertThatThrownBy(() -> StorageSettings.of("logs", 1024, 1, 0, 7, null)).hasMessageContaining("log.index.size.max.bytes");
        assertThatThrownBy(() -> StorageSettings.read("log.segment.bytes", () -> Integer.parseInt("big")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("log.segment.bytes: ");
    }
}
