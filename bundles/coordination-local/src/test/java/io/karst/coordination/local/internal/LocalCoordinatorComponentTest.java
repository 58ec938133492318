package io.karst.coordination.local.internal;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LocalCoordinatorComponentTest {

    @Test
    void relativeDirectoryResolvesAgainstBase() {
        assertThat(LocalCoordinatorComponent.resolve("karst/metadata", "/opt/karaf/data"))
                .isEqualTo(Path.of("/opt/karaf/data/karst/metadata"));
    }

    @Test
    void absoluteDirectoryIsKept() {
        assertThat(LocalCoordinatorComponent.resolve("/var/karst", "/opt/karaf/data")).isEqualTo(Path.of("/var/karst"));
    }

    @Test
    void withoutBaseRelativeDirectoryResolvesAgainstWorkingDirectory() {
        assertThat(LocalCoordinatorComponent.resolve("karst/metadata", null))
                .isEqualTo(Path.of("").toAbsolutePath().resolve("karst/metadata"));
    }
}
