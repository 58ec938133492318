package io.karst.itests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.fail;

/** Runs the {@code kcat} command line client (librdkafka) as a process with a bounded wait. */
final class Kcat {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Path executable;

    private Kcat(Path executable) {
        this.executable = executable;
    }

    /** The kcat on PATH; fails (does not skip) when there is none, since CI installs it. */
    static Kcat onPath() {
        Optional<Path> found = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "kcat"))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty()) {
            fail("kcat is not on PATH. These tests check Karst against librdkafka through kcat; install it "
                    + "(Debian/Ubuntu: apt-get install kcat). CI installs it in .ci/run.");
        }
        return new Kcat(found.get());
    }

    /** Runs kcat with {@code args}, feeding it {@code stdin}, and waits at most 30 s for it to exit. */
    ChildProcess.Result run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        return ChildProcess.run(command, stdin, TIMEOUT);
    }
}
