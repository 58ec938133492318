package io.karst.broker.internal;

import io.karst.api.TopicPartition;
import io.karst.api.broker.BrokerStatus;
import io.karst.api.broker.PartitionStatus;
import io.karst.api.coordination.BrokerRegistration;
import io.karst.api.coordination.Coordinator;
import io.karst.api.log.LogStore;
import io.karst.api.log.PartitionLog;
import io.karst.api.request.RequestContext;
import io.karst.api.request.RequestHandler;
import io.karst.api.request.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Kafka broker over a log store and a coordinator: it registers itself, opens the partitions it
 * leads, and serves requests that transports hand it. Plain Java: the OSGi component and the
 * tests' bootstrap both wire it by constructor.
 */
public final class KafkaBroker implements RequestHandler, BrokerStatus, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final long PRODUCER_EXPIRATION_CHECK_MS = 10 * 60 * 1000L;

    private final BrokerConfig config;
    private final LogStore store;
    private final Coordinator coordinator;
    private final Clock clock;
    private final ReplicaManager replicas;
    private final TopicManager topics;
    private final Purgatory fetchPurgatory;
    private final ExecutorService requestThreads;
    private final ScheduledExecutorService housekeeping;
    private final RequestDispatcher dispatcher;

    public KafkaBroker(BrokerConfig config, LogStore store, Coordinator coordinator) {
        this(config, store, coordinator, Clock.systemUTC());
    }

    public KafkaBroker(BrokerConfig config, LogStore store, Coordinator coordinator, Clock clock) {
        this.config = config;
        this.store = store;
        this.coordinator = coordinator;
        this.clock = clock;
        this.replicas = new ReplicaManager(config, store);
        this.topics = new TopicManager(config, coordinator, store, replicas);
        this.fetchPurgatory = new Purgatory("fetch");
        this.requestThreads = Executors.newFixedThreadPool(config.numIoThreads(), named("karst-request-handler"));
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(named("karst-housekeeping"));
        AdvertisedEndpoints endpoints = new AdvertisedEndpoints(config.advertisedListeners());
        this.dispatcher = new RequestDispatcher(List.of(
                new ApiVersionsHandler(),
                new MetadataHandler(config, coordinator, topics, endpoints),
                new DescribeClusterHandler(config, coordinator, endpoints),
                new ProduceHandler(topics, fetchPurgatory, clock),
                new FetchHandler(topics, fetchPurgatory),
                new ListOffsetsHandler(topics),
                new CreateTopicsHandler(topics),
                new DeleteTopicsHandler(topics),
                new InitProducerIdHandler(new ProducerIdManager(coordinator))), requestThreads);
    }

    /** Registers with the coordinator and opens the partitions this broker leads. */
    public void start() {
        coordinator.registerBroker(new BrokerRegistration(config.brokerId(), config.advertisedListeners(), null));
        topics.openAll();
        housekeeping.scheduleWithFixedDelay(() -> replicas.removeExpiredProducers(clock.millis()),
                PRODUCER_EXPIRATION_CHECK_MS, PRODUCER_EXPIRATION_CHECK_MS, TimeUnit.MILLISECONDS);
        LOG.info("Karst broker {} started with the {} coordinator", config.brokerId(), coordinator.name());
    }

    @Override
    public CompletionStage<Response> handle(RequestContext context, ByteBuffer frame) {
        return dispatcher.dispatch(context, frame);
    }

    @Override
    public void connectionClosed(String connectionId) {
        dispatcher.connectionClosed(connectionId);
    }

    @Override
    public int brokerId() {
        return config.brokerId();
    }

    @Override
    public String clusterId() {
        return coordinator.clusterId();
    }

    @Override
    public String coordinatorName() {
        return coordinator.name();
    }

    @Override
    public List<PartitionStatus> partitions() {
        List<PartitionStatus> result = new ArrayList<>();
        for (PartitionLog log : store.all()) {
            TopicPartition tp = log.topicPartition();
            Partition led = replicas.get(tp);
            result.add(new PartitionStatus(tp, led != null ? config.brokerId() : -1, log.logStartOffset(),
                    log.logEndOffset(), log.segmentCount(), log.sizeInBytes()));
        }
        result.sort(Comparator.comparing(PartitionStatus::topicPartition));
        return result;
    }

    /** Stops serving: waiting fetches are answered, request threads drain, the broker unregisters. */
    @Override
    public void close() {
        housekeeping.shutdownNow();
        fetchPurgatory.close();
        requestThreads.shutdown();
        try {
            if (!requestThreads.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Request threads still busy after 10 s; stopping them");
                requestThreads.shutdownNow();
            }
        } catch (InterruptedException e) {
            requestThreads.shutdownNow();
            Thread.currentThread().interrupt();
        }
        coordinator.unregisterBroker(config.brokerId());
        LOG.info("Karst broker {} stopped", config.brokerId());
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
