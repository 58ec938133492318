package io.karst.itests.karaf;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * {@code ./karst run} gives Karaf {@code -Dkarst.data=<repository>/data}, the folder no build touches
 * ({@link DataFolderIT} shows the distribution keeps its data there). The repository's own script runs in a
 * copy of the repository layout whose {@code bin/karaf} only prints what it was given, so nothing builds
 * or listens.
 */
public class KarstScriptIT {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void runPassesTheDataFolderAtTheRepositoryRoot() throws Exception {
        Path root = folder.getRoot().toPath().toRealPath();
        Path script = Files.copy(repositoryRoot().resolve("karst"), root.resolve("karst"));
        Path assembly = Files.createDirectories(root.resolve("karaf-dist/target/assembly"));
        Files.createDirectories(assembly.resolve("etc"));
        // the build stamp: with no sources in the copy, nothing is newer and ./karst does not build
        Files.writeString(assembly.resolve("etc/startup.properties"), "");
        Path karaf = Files.createDirectories(assembly.resolve("bin")).resolve("karaf");
        Files.writeString(karaf, "#!/usr/bin/env bash\necho \"$EXTRA_JAVA_OPTS $*\"\n");
        Files.setPosixFilePermissions(karaf, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertEquals("-Dkarst.data=" + root.resolve("data") + " run", run(script));
    }

    private static String run(Path script) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "run").redirectErrorStream(true);
        builder.environment().remove("KARST_DATA");
        builder.environment().remove("EXTRA_JAVA_OPTS");
        Process process = builder.start();
        assertTrue("./karst run did not end", process.waitFor(30, TimeUnit.SECONDS));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals("./karst run failed: " + output, 0, process.exitValue());
        return output;
    }

    /** The checkout this module is built in: the folder above with the {@code karst} script. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("karst")) && Files.isDirectory(dir.resolve("config"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no karst script above " + Path.of("").toAbsolutePath());
    }
}
