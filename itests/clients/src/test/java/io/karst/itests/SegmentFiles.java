package io.karst.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A partition folder's segment files, and Apache Kafka's DumpLogSegments run over them. */
final class SegmentFiles {

    private SegmentFiles() {
    }

    /** The files of {@code folder} whose names end with {@code suffix}, sorted. */
    static List<Path> withSuffix(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /**
     * Runs {@code org.apache.kafka.tools.DumpLogSegments --deep-iteration} over every {@code .log},
     * {@code .index} and {@code .timeindex} file of {@code folder} and checks that it read each of them and
     * reported no error, mismatch or corruption. Returns what it printed.
     */
    static String assertKafkaReadsEveryFile(Path folder) throws Exception {
        List<Path> files = Stream.of(".log", ".index", ".timeindex")
                .flatMap(suffix -> {
                    try {
                        return withSuffix(folder, suffix).stream();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        String list = String.join(",", files.stream().map(Path::toString).toList());
        ChildProcess.Result result = KafkaTool.run("org.apache.kafka.tools.DumpLogSegments",
                "--deep-iteration", "--files", list);
        assertThat(result.exitCode()).as("DumpLogSegments exit code; stderr: %s", result.stderr()).isZero();
        for (Path file : files) {
            assertThat(result.stdout()).contains("Dumping " + file);
        }
        String lower = (result.stdout() + result.stderr()).toLowerCase(Locale.ROOT);
        assertThat(lower).as("DumpLogSegments output").doesNotContain("mismatch", "corrupt", "exception", "error",
                "invalid", "not increasing");
        return result.stdout();
    }
}
