package io.karst.broker.internal;

import io.karst.api.TopicPartition;
import io.karst.api.broker.BrokerStatus;
import io.karst.api.broker.GroupAdmin;
import io.karst.api.broker.PartitionStatus;
import io.karst.api.broker.RecordAdmin;
import io.karst.api.broker.TopicAdmin;
import io.karst.api.codec.BufferPool;
import io.karst.api.codec.Codec;
import io.karst.api.coordination.BrokerRegistration;
import io.karst.api.coordination.Coordinator;
import io.karst.api.coordinator.InternalTopics;
import io.karst.api.group.GroupService;
import io.karst.api.group.GroupState;
import io.karst.api.log.LogStore;
import io.karst.api.log.PartitionLog;
import io.karst.api.request.RequestContext;
import io.karst.api.request.RequestHandler;
import io.karst.api.request.Response;
import io.karst.broker.internal.handler.AlterConfigsHandler;
import io.karst.broker.internal.handler.ApiVersionsHandler;
import io.karst.broker.internal.handler.CreateTopicsHandler;
import io.karst.broker.internal.handler.DeleteRecordsHandler;
import io.karst.broker.internal.handler.DeleteTopicsHandler;
import io.karst.broker.internal.handler.DescribeClusterHandler;
import io.karst.broker.internal.handler.DescribeConfigsHandler;
import io.karst.broker.internal.handler.DescribeGroupsHandler;
import io.karst.broker.internal.handler.FetchHandler;
import io.karst.broker.internal.handler.FindCoordinatorHandler;
import io.karst.broker.internal.handler.HeartbeatHandler;
import io.karst.broker.internal.handler.IncrementalAlterConfigsHandler;
import io.karst.broker.internal.handler.InitProducerIdHandler;
import io.karst.broker.internal.handler.JoinGroupHandler;
import io.karst.broker.internal.handler.LeaveGroupHandler;
import io.karst.broker.internal.handler.ListGroupsHandler;
import io.karst.broker.internal.handler.ListOffsetsHandler;
import io.karst.broker.internal.handler.MetadataHandler;
import io.karst.broker.internal.handler.OffsetCommitHandler;
import io.karst.broker.internal.handler.OffsetFetchHandler;
import io.karst.broker.internal.handler.ProduceHandler;
import io.karst.broker.internal.handler.Request;
import io.karst.broker.internal.handler.SyncGroupHandler;
import io.karst.broker.internal.metrics.BrokerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A Kafka broker over a log store and a coordinator: it registers itself, opens the partitions it
 * leads, and serves requests that transports hand it. Plain Java: the OSGi component wires it by
 * constructor, and {@link #open} is the bundle's plain-Java entry point (the test kit, other bundles' tests).
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
    private final Purgatory producePurgatory;
    private final ExecutorService requestThreads;
    private final ScheduledExecutorService housekeeping;
    private final RequestDispatcher dispatcher;
    private final InternalTopics internalTopics;
    private final GroupServiceHolder groups = new GroupServiceHolder();
    private final TopicAdmin topicAdmin;
    private final GroupAdmin groupAdmin;
    private final RecordAdmin recordAdmin;
    private final BrokerMetrics metrics = new BrokerMetrics();

    /**
     * A broker configured by Kafka's keys, as in {@code io.karst.broker.cfg}, over {@code store},
     * {@code coordinator} and {@code codecs}, outside OSGi, and started. The caller closes it.
     *
     * @throws IllegalArgumentException naming the key of a bad value
     */
    public static KafkaBroker open(Map<String, ?> properties, LogStore store, Coordinator coordinator,
                                   List<? extends Codec> codecs) {
        KafkaBroker broker = new KafkaBroker(BrokerConfig.fromMap(properties), store, coordinator,
                new CodecRegistry(codecs));
        try {
            broker.start();
        } catch (RuntimeException | Error e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /** A broker whose compression codecs are those in {@code codecs}, which may change while it runs. */
    KafkaBroker(BrokerConfig config, LogStore store, Coordinator coordinator, CodecRegistry codecs) {
        this(config, store, coordinator, codecs, Clock.systemUTC());
    }

    KafkaBroker(BrokerConfig config, LogStore store, Coordinator coordinator, CodecRegistry codecs,
                       Clock clock) {
        this.config = config;
        this.store = store;
        this.coordinator = coordinator;
        this.clock = clock;
        this.replicas = new ReplicaManager(config, store);
        this.topics = new TopicManager(config, coordinator, store, replicas);
        this.fetchPurgatory = new Purgatory("fetch");
        this.producePurgatory = new Purgatory("produce");
        this.requestThreads = Executors.newFixedThreadPool(config.numIoThreads(), named("karst-request-handler"));
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(named("karst-housekeeping"));
        AdvertisedEndpoints endpoints = new AdvertisedEndpoints(config.advertisedListeners());
        BatchConverter converter = new BatchConverter(codecs, new BufferPool(config.numIoThreads()));
        PartitionAppender appender = new PartitionAppender(topics, converter, fetchPurgatory, producePurgatory,
                metrics.topics(), clock);
        this.internalTopics = new BrokerInternalTopics(topics, replicas, appender);
        this.topicAdmin = new BrokerTopicAdmin(coordinator, topics, replicas);
        this.groupAdmin = new BrokerGroupAdmin(groups, topics);
        this.recordAdmin = new BrokerRecordAdmin(topics, appender, fetchPurgatory, groups, codecs, clock);
        this.dispatcher = new RequestDispatcher(List.of(
                new ApiVersionsHandler(),
                new MetadataHandler(config, coordinator, topics, endpoints),
                new DescribeClusterHandler(config, coordinator, endpoints),
                new ProduceHandler(topics, appender),
                new FetchHandler(topics, fetchPurgatory),
                new ListOffsetsHandler(topics),
                new CreateTopicsHandler(topics),
                new DeleteTopicsHandler(topics),
                new InitProducerIdHandler(new ProducerIdManager(coordinator)),
                new DeleteRecordsHandler(topics),
                new DescribeConfigsHandler(config, topics),
                new AlterConfigsHandler(topics),
                new IncrementalAlterConfigsHandler(topics),
                new FindCoordinatorHandler(config, groups, endpoints),
                new JoinGroupHandler(groups),
                new SyncGroupHandler(groups),
                new HeartbeatHandler(groups),
                new LeaveGroupHandler(groups),
                new OffsetCommitHandler(groups, topics),
                new OffsetFetchHandler(groups),
                new ListGroupsHandler(groups),
                new DescribeGroupsHandler(groups)), requestThreads, new RequestMetricsRecorder(metrics));
    }

    /** Registers with the coordinator and opens the partitions this broker leads. */
    public void start() {
        coordinator.registerBroker(new BrokerRegistration(config.brokerId(), config.advertisedListeners(), null));
        topics.openAll();
        topics.onTopicDeleted(groups::topicDeleted);
        startMetrics();
        housekeeping.scheduleWithFixedDelay(() -> replicas.removeExpiredProducers(clock.millis()),
                PRODUCER_EXPIRATION_CHECK_MS, PRODUCER_EXPIRATION_CHECK_MS, TimeUnit.MILLISECONDS);
        LOG.info("Karst broker {} started with the {} coordinator", config.brokerId(), coordinator.name());
    }

    /**
     * A coordinator came back after a time without one: opens the partitions it knows that this
     * broker leads and has not opened yet (the registration is replayed by the coordinator holder).
     */
    public void coordinatorReturned() {
        topics.openAll();
        LOG.info("Karst broker {} is back with the {} coordinator", config.brokerId(), coordinator.name());
    }

    /** Registers the group coordinator's gauges and moves the meters and log gauges on every few seconds. */
    private void startMetrics() {
        Map<String, Supplier<?>> gauges = new LinkedHashMap<>();
        gauges.put("NumGroups", () -> groups.countByState().values().stream().mapToInt(Integer::intValue).sum());
        gauges.put("NumOffsets", groups::offsetCount);
        for (GroupState state : GroupState.values()) {
            gauges.put("NumGroups" + state.kafkaName(), () -> groups.countByState().getOrDefault(state, 0));
        }
        metrics.registerGroupGauges(gauges);
        topics.onTopicDeleted(metrics.topics()::topicDeleted);
        metrics.logs().sync(store.all());
        housekeeping.scheduleAtFixedRate(() -> {
            metrics.tick();
            metrics.logs().sync(store.all());
        }, BrokerMetrics.TICK_SECONDS, BrokerMetrics.TICK_SECONDS, TimeUnit.SECONDS);
    }

    /** Topics for the console. */
    public TopicAdmin topicAdmin() {
        return topicAdmin;
    }

    /** Consumer groups for the console. */
    public GroupAdmin groupAdmin() {
        return groupAdmin;
    }

    /**
     * Serves the group APIs with {@code service} from now on (a group coordinator over
     * {@link #internalTopics}); until one is bound, and after it is unbound, they get
     * COORDINATOR_NOT_AVAILABLE.
     */
    public void bindGroups(GroupService service) {
        groups.bind(service);
    }

    /** Stops serving the group APIs with {@code service}, if it is the one in use. */
    public void unbindGroups(GroupService service) {
        groups.unbind(service);
    }

    /** The internal topics, for the coordinators that keep their state in them. */
    public InternalTopics internalTopics() {
        return internalTopics;
    }

    /** The console producer, consumer and log dump. */
    public RecordAdmin recordAdmin() {
        return recordAdmin;
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
        metrics.close();
        fetchPurgatory.close();
        producePurgatory.close();
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
