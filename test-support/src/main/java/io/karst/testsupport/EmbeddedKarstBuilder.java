package io.karst.testsupport;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings of {@link EmbeddedKarst} brokers, as Kafka broker keys given to the store, the broker and the
 * transport. One builder can start several brokers with the same shared settings, each on its own data
 * directory (give each its own {@code broker.id} with {@link #config}).
 *
 * <p>It starts from {@code broker.id=1}, a random free loopback port and 1 MiB segments and index files,
 * so that tests read across segment boundaries; everything else is at Kafka's defaults. {@code log.dirs}
 * is always {@code <data dir>/logs}.
 */
public final class EmbeddedKarstBuilder {
    private final Map<String, Object> config = new HashMap<>();

    EmbeddedKarstBuilder() {
        config.put("broker.id", "1");
        config.put("listeners", "PLAINTEXT://127.0.0.1:0");
        config.put("log.segment.bytes", Integer.toString(1 << 20));
        config.put("log.index.size.max.bytes", Integer.toString(1 << 20));
    }

    /** Sets one Kafka key, e.g. {@code num.partitions}. */
    public EmbeddedKarstBuilder config(String key, Object value) {
        config.put(key, value);
        return this;
    }

    /** Sets every key of {@code overrides}. */
    public EmbeddedKarstBuilder configs(Map<String, ?> overrides) {
        config.putAll(overrides);
        return this;
    }

    /** Starts a broker with these settings, keeping its logs and metadata under {@code dataDir}. */
    public EmbeddedKarst start(Path dataDir) throws Exception {
        EmbeddedKarst karst = new EmbeddedKarst(dataDir, config);
        karst.open();
        return karst;
    }
}
