package io.karst.itests;

import io.karst.api.broker.GroupAdmin;
import io.karst.api.broker.RecordAdmin;
import io.karst.api.broker.TopicAdmin;
import io.karst.testsupport.EmbeddedKarst;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Karst broker for one test class, on a fresh temporary data directory that is removed afterwards.
 * Register it in a static field: {@code @RegisterExtension static final KarstExtension karst = ...}.
 */
public final class KarstExtension implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, ?> overrides;
    private Path dataDir;
    private EmbeddedKarst karst;

    private KarstExtension(Map<String, ?> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    /** A broker with the given Kafka broker/transport keys on top of {@link EmbeddedKarst}'s. */
    public static KarstExtension withConfig(Map<String, ?> overrides) {
        return new KarstExtension(overrides);
    }

    public static KarstExtension withDefaults() {
        return new KarstExtension(Map.of());
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("karst-itest-");
        karst = EmbeddedKarst.start(dataDir, overrides);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (karst != null) {
                karst.close();
            }
        } finally {
            deleteRecursively(dataDir);
        }
    }

    public String bootstrapServers() {
        return karst.bootstrapServers();
    }

    public int port() {
        return karst.port();
    }

    // the console's admin services of the running broker (new ones after each restart)

    public TopicAdmin topicAdmin() {
        return karst.topicAdmin();
    }

    public GroupAdmin groupAdmin() {
        return karst.groupAdmin();
    }

    public RecordAdmin recordAdmin() {
        return karst.recordAdmin();
    }

    public void restart() throws Exception {
        karst.restart();
    }

    /** The folder of a partition's segment files ({@code log.dirs} is {@code <data dir>/logs}). */
    public Path partitionDir(String topic, int partition) {
        return dataDir.resolve("logs").resolve(topic + "-" + partition);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
