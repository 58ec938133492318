package io.karst.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * A Karst broker running in a child JVM ({@link KarstMain} on the test class path), which a test can
 * kill with SIGKILL as a crash would, or stop cleanly. Its log goes to a file beside its data directory.
 */
final class BrokerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;

    private BrokerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a broker on {@code dataDir} and waits until it listens; fails after 30 s. */
    static BrokerProcess start(Path dataDir, Path logFile) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KarstMain.class.getName(), dataDir.toString(), "0");
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> readPort(process));
        try {
            return new BrokerProcess(process, port.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            fail("the broker process did not start within " + START_TIMEOUT + " (log: " + logFile + ")", e);
            throw new IllegalStateException(e);
        }
    }

    private static int readPort(Process process) {
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(KarstMain.PORT_LINE)) {
                    return Integer.parseInt(line.substring(KarstMain.PORT_LINE.length()));
                }
            }
            throw new IllegalStateException("the broker process ended without announcing its port");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Kills the process with SIGKILL, as a crash would, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            fail("the broker process survived SIGKILL for 30 s");
        }
    }

    /** Stops the broker cleanly by closing its standard input; fails if it takes over 30 s. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the broker process did not stop within 30 s of its input closing");
        }
    }
}
