package io.karst.broker.internal;

import io.karst.api.coordination.BrokerRegistration;
import io.karst.coordination.local.internal.LocalCoordinatorComponent;
import io.karst.storage.internal.LogStoreComponent;

import io.karst.api.codec.BufferPool;
import io.karst.broker.internal.metrics.BrokerMetrics;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Broker 1's topics over a real log store and local coordinator in a folder: the ground for tests of the broker's parts. */
final class LocalTopics implements AutoCloseable {
    private final LogStoreComponent store;
    private final LocalCoordinatorComponent coordinator;
    private final ReplicaManager replicas;
    private final TopicManager topics;

    LocalTopics(Path dir) throws Exception {
        store = LogStoreComponent.open(Map.of("log.dirs", dir.resolve("logs").toString()));
        coordinator = new LocalCoordinatorComponent(dir.resolve("metadata"));
        BrokerConfig config = BrokerConfig.fromMap(Map.of("broker.id", "1", "listeners", "PLAINTEXT://127.0.0.1:9092"));
        coordinator.registerBroker(new BrokerRegistration(1, config.advertisedListeners(), null));
        replicas = new ReplicaManager(config, store);
        topics = new TopicManager(config, coordinator, store, replicas);
    }

    TopicManager topics() {
        return topics;
    }

    ReplicaManager replicas() {
        return replicas;
    }

    /** An append path over these topics, with no codecs. */
    PartitionAppender appender() {
        return new PartitionAppender(topics, new BatchConverter(new CodecRegistry(List.of()), new BufferPool(1)),
                new Purgatory("fetch"), new Purgatory("produce"), new BrokerMetrics().topics(), Clock.systemUTC());
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
