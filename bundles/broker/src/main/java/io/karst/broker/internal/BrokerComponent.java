package io.karst.broker.internal;

import io.karst.api.broker.BrokerStatus;
import io.karst.api.broker.PartitionStatus;
import io.karst.api.coordination.Coordinator;
import io.karst.api.log.LogStore;
import io.karst.api.request.RequestContext;
import io.karst.api.request.RequestHandler;
import io.karst.api.request.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The broker as an OSGi service: built from the {@code io.karst.broker} configuration over the
 * LogStore and Coordinator services. Both references are greedy: a better-ranked coordinator
 * coming up, or the current one going away, restarts the broker on the new one.
 */
@Component(service = {RequestHandler.class, BrokerStatus.class}, configurationPid = "io.karst.broker")
@Designate(ocd = BrokerComponent.Config.class)
public final class BrokerComponent implements RequestHandler, BrokerStatus {

    @ObjectClassDefinition(name = "Karst broker", description = "Kafka broker settings, under Kafka's keys")
    public @interface Config {
        @AttributeDefinition(name = "broker.id", description = "This broker's id")
        int broker_id() default 1;

        @AttributeDefinition(name = "advertised.listeners", description = "Addresses told to clients; empty: the address they connected to")
        String advertised_listeners() default "";

        @AttributeDefinition(name = "num.partitions", description = "Partitions of an auto-created topic")
        int num_partitions() default 1;

        @AttributeDefinition(name = "default.replication.factor", description = "Replicas of an auto-created topic")
        int default_replication_factor() default 1;

        @AttributeDefinition(name = "auto.create.topics.enable", description = "Create unknown topics asked for in Metadata")
        boolean auto_create_topics_enable() default true;

        @AttributeDefinition(name = "message.max.bytes", description = "Largest record batch accepted")
        int message_max_bytes() default 1048588;

        @AttributeDefinition(name = "log.message.timestamp.type", description = "CreateTime or LogAppendTime")
        String log_message_timestamp_type() default "CreateTime";

        @AttributeDefinition(name = "min.insync.replicas", description = "In-sync replicas an acks=all produce needs")
        int min_insync_replicas() default 1;

        @AttributeDefinition(name = "producer.id.expiration.ms", description = "Forget idempotent producers idle this long")
        long producer_id_expiration_ms() default 86_400_000L;

        @AttributeDefinition(name = "num.io.threads", description = "Threads serving requests")
        int num_io_threads() default 8;

        @AttributeDefinition(name = "delete.topic.enable", description = "Allow DeleteTopics")
        boolean delete_topic_enable() default true;
    }

    private final KafkaBroker broker;

    @Activate
    public BrokerComponent(@Reference(policyOption = ReferencePolicyOption.GREEDY) LogStore store,
                           @Reference(policyOption = ReferencePolicyOption.GREEDY) Coordinator coordinator,
                           Map<String, Object> properties) {
        this.broker = new KafkaBroker(BrokerConfig.fromMap(properties), store, coordinator);
        broker.start();
    }

    @Deactivate
    void deactivate() {
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
