package io.karst.broker.internal;

import io.karst.api.broker.BrokerStatus;
import io.karst.api.broker.GroupAdmin;
import io.karst.api.broker.RecordAdmin;
import io.karst.api.broker.TopicAdmin;
import io.karst.api.broker.PartitionStatus;
import io.karst.api.codec.Codec;
import io.karst.api.coordination.Coordinator;
import io.karst.api.coordinator.InternalTopics;
import io.karst.api.group.GroupService;
import io.karst.api.log.LogStore;
import io.karst.api.request.RequestContext;
import io.karst.api.request.RequestHandler;
import io.karst.api.request.Response;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The broker as an OSGi service: built from the {@code io.karst.broker} configuration over the
 * LogStore service, and started when the first Coordinator service binds; then it offers its
 * InternalTopics to the group coordinator. A new LogStore restarts the broker; coordinators, the
 * group coordinator and codecs are tracked dynamically and come and go without restarting anything.
 */
@Component(service = {RequestHandler.class, BrokerStatus.class}, configurationPid = "io.karst.broker")
@Designate(ocd = BrokerComponent.Config.class)
public final class BrokerComponent implements RequestHandler, BrokerStatus {

    @ObjectClassDefinition(name = "Karst broker", description = "Kafka broker settings, under Kafka's keys")
    public @interface Config {
        @AttributeDefinition(name = "broker.id", description = "This broker's id")
        int broker_id() default BrokerConfig.DEFAULT_BROKER_ID;

        @AttributeDefinition(name = "advertised.listeners", description = "Addresses told to clients; empty: the address they connected to")
        String advertised_listeners() default BrokerConfig.DEFAULT_ADVERTISED_LISTENERS;

        @AttributeDefinition(name = "num.partitions", description = "Partitions of an auto-created topic")
        int num_partitions() default BrokerConfig.DEFAULT_NUM_PARTITIONS;

        @AttributeDefinition(name = "default.replication.factor", description = "Replicas of an auto-created topic")
        int default_replication_factor() default BrokerConfig.DEFAULT_REPLICATION_FACTOR;

        @AttributeDefinition(name = "auto.create.topics.enable", description = "Create unknown topics asked for in Metadata")
        boolean auto_create_topics_enable() default BrokerConfig.DEFAULT_AUTO_CREATE_TOPICS_ENABLE;

        @AttributeDefinition(name = "message.max.bytes", description = "Largest record batch accepted")
        int message_max_bytes() default BrokerConfig.DEFAULT_MESSAGE_MAX_BYTES;

        @AttributeDefinition(name = "log.message.timestamp.type", description = "CreateTime or LogAppendTime")
        String log_message_timestamp_type() default BrokerConfig.DEFAULT_LOG_MESSAGE_TIMESTAMP_TYPE;

        @AttributeDefinition(name = "min.insync.replicas", description = "In-sync replicas an acks=all produce needs")
        int min_insync_replicas() default BrokerConfig.DEFAULT_MIN_INSYNC_REPLICAS;

        @AttributeDefinition(name = "producer.id.expiration.ms", description = "Forget idempotent producers idle this long")
        long producer_id_expiration_ms() default BrokerConfig.DEFAULT_PRODUCER_ID_EXPIRATION_MS;

        @AttributeDefinition(name = "num.io.threads", description = "Threads serving requests other than produce and fetch to open partitions, which the network threads serve")
        int num_io_threads() default BrokerConfig.DEFAULT_NUM_IO_THREADS;

        @AttributeDefinition(name = "delete.topic.enable", description = "Allow DeleteTopics")
        boolean delete_topic_enable() default BrokerConfig.DEFAULT_DELETE_TOPIC_ENABLE;
    }

    private final KafkaBroker broker;
    /** The console's admin services, registered while the broker runs. */
    private final List<ServiceRegistration<?>> adminServices;
    /** The codec services of the moment; the broker reads it on every compressed produce. */
    private final CodecRegistry codecs = new CodecRegistry(List.of());
    /** The coordinator service of the moment, or what it last said while there is none. */
    private final CoordinatorHolder coordinator = new CoordinatorHolder();
    /** Whether the broker has started: it waits for its first coordinator. Guarded by this. */
    private boolean started;
    private final BundleContext context;
    /** The broker's internal topics, offered to the group coordinator once the broker has started. */
    private ServiceRegistration<InternalTopics> internalTopics;

    @Activate
    public BrokerComponent(@Reference(policyOption = ReferencePolicyOption.GREEDY) LogStore store,
                           Map<String, Object> properties, BundleContext context) {
        this.broker = new KafkaBroker(BrokerConfig.fromMap(properties), store, coordinator, codecs);
        this.context = context;
        this.adminServices = List.of(
                context.registerService(TopicAdmin.class, broker.topicAdmin(), null),
                context.registerService(GroupAdmin.class, broker.groupAdmin(), null),
                context.registerService(RecordAdmin.class, broker.recordAdmin(), null));
    }

    /**
     * The coordinator may come and go while the broker runs (DESIGN rule 3): the broker starts with the
     * first one, keeps serving from what it last saw while there is none, and picks up the next one.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindCoordinator(Coordinator bound) {
        coordinator.bind(bound);
        if (started) {
            broker.coordinatorReturned();
        } else {
            broker.start();
            started = true;
            internalTopics = context.registerService(InternalTopics.class, broker.internalTopics(), null);
        }
    }

    synchronized void unbindCoordinator(Coordinator unbound) {
        coordinator.unbind(unbound);
    }

    /** The group coordinator may come and go too: without one the group APIs get COORDINATOR_NOT_AVAILABLE. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindGroupService(GroupService service) {
        broker.bindGroups(service);
    }

    void unbindGroupService(GroupService service) {
        broker.unbindGroups(service);
    }

    /** Codec bundles come and go while the broker runs: each codec service is added here, and removed below. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addCodec(Codec codec) {
        codecs.add(codec);
    }

    void removeCodec(Codec codec) {
        codecs.remove(codec);
    }

    @Deactivate
    synchronized void deactivate() {
        List<ServiceRegistration<?>> services = new ArrayList<>(adminServices);
        if (internalTopics != null) {
            services.add(internalTopics);
        }
        for (ServiceRegistration<?> service : services) {
            try {
                service.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping bundle's services itself
            }
        }
        broker.close();
    }

    @Override
    public CompletionStage<Response> handle(RequestContext context, ByteBuffer frame) {
        return broker.handle(context, frame);
    }

    @Override
    public void connectionClosed(String connectionId) {
        broker.connectionClosed(connectionId);
    }

    @Override
    public int brokerId() {
        return broker.brokerId();
    }

    @Override
    public String clusterId() {
        return broker.clusterId();
    }

    @Override
    public String coordinatorName() {
        return broker.coordinatorName();
    }

    @Override
    public List<PartitionStatus> partitions() {
        return broker.partitions();
    }
}
