package io.karst.testsupport;

import io.karst.api.broker.GroupAdmin;
import io.karst.api.broker.RecordAdmin;
import io.karst.api.broker.TopicAdmin;
import io.karst.api.codec.Codec;
import io.karst.broker.internal.KafkaBroker;
import io.karst.coordination.local.internal.LocalCoordinatorComponent;
import io.karst.group.coordinator.internal.GroupCoordinatorConfig;
import io.karst.group.coordinator.internal.GroupCoordinatorService;
import io.karst.storage.internal.LogStoreComponent;
import io.karst.transport.netty.internal.NettyTransportComponent;
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
 * store, local coordinator, the four compression codecs, broker, group coordinator and Netty transport, all under one
 * data directory ({@code logs/} and {@code metadata/}). Each part is started through its bundle's
 * plain-Java entry point.
 *
 * <p>The configuration is one map of Kafka broker keys given to the store, the broker, the group coordinator and the transport;
 * {@link #builder()} starts it with {@code broker.id=1}, a random loopback port and small segments.
 */
public final class EmbeddedKarst implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKarst.class);

    private final Path dataDir;
    private final Map<String, Object> config;
    /** What is running, the last started on top: closed from the top down. */
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private int port;
    private KafkaBroker broker;

    EmbeddedKarst(Path dataDir, Map<String, Object> config) {
        this.dataDir = dataDir;
        this.config = new HashMap<>(config);
        this.config.put("log.dirs", dataDir.resolve("logs").toString());
    }

    /** Settings for one broker or several with shared settings; see {@link EmbeddedKarstBuilder}. */
    public static EmbeddedKarstBuilder builder() {
        return new EmbeddedKarstBuilder();
    }

    /** Starts a broker keeping its logs and metadata under {@code dataDir}, with {@code overrides} on the builder's defaults. */
    public static EmbeddedKarst start(Path dataDir, Map<String, ?> overrides) throws Exception {
        return builder().configs(overrides).start(dataDir);
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The folder holding {@code logs/} (the partition logs) and {@code metadata/} (the coordinator's). */
    public Path dataDir() {
        return dataDir;
    }

    // the console's admin services of the running broker (new ones after each restart)

    public TopicAdmin topicAdmin() {
        return broker.topicAdmin();
    }

    public GroupAdmin groupAdmin() {
        return broker.groupAdmin();
    }

    public RecordAdmin recordAdmin() {
        return broker.recordAdmin();
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

    void open() throws Exception {
        try {
            LogStoreComponent store = started(LogStoreComponent.open(config));
            LocalCoordinatorComponent coordinator = started(new LocalCoordinatorComponent(dataDir.resolve("metadata")));
            List<Codec> codecs = KarstCodecs.all();
            codecs.forEach(codec -> started((AutoCloseable) codec));
            broker = started(KafkaBroker.open(config, store, coordinator, codecs));
            GroupCoordinatorService groups = started(GroupCoordinatorService.open(
                    GroupCoordinatorConfig.fromMap(config), broker.internalTopics()));
            broker.bindGroups(groups);
            NettyTransportComponent transport = started(new NettyTransportComponent(broker, config));
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
