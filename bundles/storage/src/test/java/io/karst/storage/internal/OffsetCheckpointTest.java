package io.karst.storage.internal;

import io.karst.api.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OffsetCheckpointTest {
    @TempDir
    Path dir;

    @Test
    void writesKafkasTextFormatAndReadsItBack() throws IOException {
        OffsetCheckpoint checkpoint = new OffsetCheckpoint(dir, OffsetCheckpoint.RECOVERY_POINT_FILE);
        Map<TopicPartition, Long> points = Map.of(
                new TopicPartition("b-topic", 2), 1234L,
                new TopicPartition("a", 0), 0L);
        checkpoint.write(points);

        assertThat(Files.readString(dir.resolve("recovery-point-offset-checkpoint")))
                .isEqualTo("0\n2\na 0 0\nb-topic 2 1234\n");
        assertThat(checkpoint.read()).isEqualTo(points);
        assertThat(dir.resolve("recovery-point-offset-checkpoint.tmp")).doesNotExist();
    }

    @Test
    void aMissingFileHoldsNoRecoveryPoints() throws IOException {
        assertThat(new OffsetCheckpoint(dir, OffsetCheckpoint.RECOVERY_POINT_FILE).read()).isEmpty();
    }

    @Test
    void aMalformedFileIsAnErrorNamingFileAndLine() throws IOException {
        Path file = dir.resolve("recovery-point-offset-checkpoint");
        OffsetCheckpoint checkpoint = new OffsetCheckpoint(dir, OffsetCheckpoint.RECOVERY_POINT_FILE);
        for (String text : new String[] {"1\n0\n", "0\n2\na 0 5\n", "0\n1\na zero 5\n", "0\n1\na 0\n"}) {
            Files.writeString(file, text);
            assertThatThrownBy(checkpoint::read).isInstanceOf(IOException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("line");
        }
    }
}
