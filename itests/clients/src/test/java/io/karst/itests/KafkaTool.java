package io.karst.itests;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one of Kafka's own command line tools (kafka-tools, on the test class path) in a child JVM,
 * as {@code bin/kafka-*.sh} would: the tools end with {@code System.exit}, which a test JVM cannot take.
 */
final class KafkaTool {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private KafkaTool() {
    }

    /** Runs {@code mainClass} with {@code args} and waits at most 60 s for it. */
    static ChildProcess.Result run(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return ChildProcess.run(command, "", TIMEOUT);
    }
}
