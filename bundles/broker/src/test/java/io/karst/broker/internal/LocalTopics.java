package io.karst.broker.internal;

import io.karst.api.coordination.BrokerRegistration;
import io.karst.coordination.local.internal.LocalCoordinatorComponent;
import io.karst.storage.internal.LogStoreComponent;

import java.nio.file.Path;
import java.util.Map;

/** Broker 1's topics over a real log store and local coordinator in a folder: the ground for tests of the broker's parts. */
final class LocalTopics implements AutoCloseable {
    private final LogStoreComponent store;
    private final LocalCoordinatorComponent coordinator;
    private final TopicManager topics;

    LocalTopics(Path dir) throws Exception {
        store = LogStoreComponent.open(Map.of("log.dirs", dir.resolve("logs").toString()));
        coordinator = new LocalCoordinatorComponent(dir.resolve("metadata"));
        BrokerConfig config = BrokerConfig.fromMap(Map.of("broker.id", "1", "listeners", "PLAINTEXT://127.0.0.1:9092"));
        coordinator.registerBroker(new BrokerRegistration(1, config.advertisedListeners(), null));
        topics = new TopicManager(config, coordinator, store, new ReplicaManager(config, store));
    }

    TopicManager topics() {
        return topics;
    }

    LocalCoordinatorComponent coordinator() {
        return coordinator;
    }

    @Override
    public void close() throws Exception {
        coordinator.close();
        store.close();
    }
}
