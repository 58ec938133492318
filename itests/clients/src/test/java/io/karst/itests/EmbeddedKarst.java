package io.karst.itests;

import io.karst.broker.internal.BrokerConfig;
import io.karst.broker.internal.CodecRegistry;
import io.karst.broker.internal.KafkaBroker;
import io.karst.codec.gzip.internal.GzipCodec;
import io.karst.codec.lz4.internal.Lz4Codec;
import io.karst.codec.snappy.internal.SnappyCodec;
import io.karst.codec.zstd.internal.ZstdCodec;
import io.karst.coordination.local.internal.LocalCoordinator;
import io.karst.storage.internal.FileLogStore;
import io.karst.storage.internal.StorageSettings;
import io.karst.transport.netty.internal.NettyTransport;
import io.karst.transport.netty.internal.TransportConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Karst broker on loopback, wired in plain Java the way the OSGi components wire it: file log
 * store, local coordinator, the four compression codecs, broker and Netty transport, all under one
 * data directory.
 *
 * <p>The configuration is one map of Kafka broker keys given to the store, the broker and the transport.
 * It starts with {@code broker.id=1} and a random loopback port; callers override any key.
 */
public final class EmbeddedKarst implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKarst.class);

    /** Small segments, so that the tests read across segment boundaries; otherwise Kafka's defaults. */
    private static final Map<String, String> STORAGE_DEFAULTS = Map.of(
            "log.segment.bytes", Integer.toString(1 << 20),
            "log.index.size.max.bytes", Integer.toString(1 << 20));

    private final Path dataDir;
    private final Map<String, Object> config;
    /** What is running, the last started on top: closed from the top down. */
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private int port;
    private KafkaBroker broker;

    private EmbeddedKarst(Path dataDir, Map<String, ?> overrides) {
        this.dataDir = dataDir;
        this.config = new HashMap<>();
        config.put("broker.id", "1");
        config.put("listeners", "PLAINTEXT://127.0.0.1:0");
        config.putAll(STORAGE_DEFAULTS);
        config.putAll(overrides);
        config.put("log.dirs", dataDir.resolve("logs").toString());
    }

    /** Starts a broker keeping its logs and metadata under {@code dataDir}. */
    public static EmbeddedKarst start(Path dataDir, Map<String, ?> overrides) throws Exception {
        EmbeddedKarst karst = new EmbeddedKarst(dataDir, overrides);
        karst.open();
        return karst;
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The running broker, for tests of what it offers besides the wire protocol (the console's admin services). */
    public KafkaBroker broker() {
        return broker;
    }

    /**
     * Stops everything and starts it again on the same directories and the same port, as a broker
     * process restart would: clients built before the restart reconnect to it.
     */
    public void restart() throws Exception {
        LOG.info("Restarting Karst on port {}", port);
        closeRunning();
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + port);
        open();
    }

    @Override
    public void close() throws Exception {
        closeRunning();
    }

    private void open() throws Exception {
        try {
            FileLogStore store = started(new FileLogStore(StorageSettings.fromMap(config, null)));
            LocalCoordinator coordinator = started(new LocalCoordinator(dataDir.resolve("metadata")));
            CodecRegistry codecs = new CodecRegistry(List.of(started(new GzipCodec()), started(new SnappyCodec()),
                    started(new Lz4Codec()), started(new ZstdCodec())));
            broker = started(new KafkaBroker(BrokerConfig.fromMap(config), store, coordinator, codecs));
            broker.start();
            NettyTransport transport = started(new NettyTransport(TransportConfig.fromMap(config), broker));
            transport.start();
            port = transport.endpoints().get(0).port();
        } catch (Exception | Error e) {
            closeRunning();
            throw e;
        }
        LOG.info("Karst listening on {} with data in {}", bootstrapServers(), dataDir);
    }

    private <T extends AutoCloseable> T started(T component) {
        running.push(component);
        return component;
    }

    /** Closes every component, newest first, even when one of them fails to close. */
    private void closeRunning() throws Exception {
        Exception failure = null;
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
