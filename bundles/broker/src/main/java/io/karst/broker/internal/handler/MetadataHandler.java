package io.karst.broker.internal.handler;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.coordination.Coordinator;
import io.karst.api.coordination.Endpoint;
import io.karst.api.coordination.PartitionState;
import io.karst.api.coordination.TopicDescription;
import io.karst.broker.internal.AdvertisedEndpoints;
import io.karst.broker.internal.BrokerConfig;
import io.karst.broker.internal.TopicManager;
import io.karst.broker.internal.TopicNames;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Metadata: this broker, the cluster id and controller, and the asked topics (all of them for a
 * null list, or an empty one in v0) with partition leaders; unknown topics are auto-created when
 * both the client and {@code auto.create.topics.enable} allow it.
 */
public final class MetadataHandler implements ApiHandler {
    private final BrokerConfig config;
    private final Coordinator coordinator;
    private final TopicManager topics;
    private final AdvertisedEndpoints endpoints;

    public MetadataHandler(BrokerConfig config, Coordinator coordinator, TopicManager topics, AdvertisedEndpoints endpoints) {
        this.config = config;
        this.coordinator = coordinator;
        this.topics = topics;
        this.endpoints = endpoints;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.METADATA;
    }

    @Override
    public CompletionStage<Struct> handle(Request request) {
        int version = request.version();
        Struct response = Protocol.newResponse(ApiKeys.METADATA, version);
        Endpoint self = endpoints.forConnection(request.context());
        response.addElement("brokers").set("node_id", config.brokerId()).set("host", self.host())
                .set("port", self.port());
        response.set("cluster_id", coordinator.clusterId()).set("controller_id", coordinator.controllerId());

        List<Struct> asked = request.body().getStructs("topics");
        boolean all = asked == null || (version == 0 && asked.isEmpty());
        if (all) {
            for (TopicDescription topic : coordinator.topics()) {
                addTopic(response, topic);
            }
        } else {
            boolean allowAutoCreate = request.body().getBoolean("allow_auto_topic_creation");
            for (Struct t : asked) {
                describe(response, t.getString("name"), allowAutoCreate);
            }
        }
        return CompletableFuture.completedFuture(response);
    }

    private void describe(Struct response, String name, boolean allowAutoCreate) {
        String invalid = TopicNames.invalidReason(name);
        if (invalid != null) {
            addError(response, name, Errors.INVALID_TOPIC_EXCEPTION);
            return;
        }
        Optional<TopicDescription> topic;
        try {
            topic = topics.describeOrAutoCreate(name, allowAutoCreate);
        } catch (KarstException e) {
            addError(response, name, e.error());
            return;
        }
        if (topic.isPresent()) {
            addTopic(response, topic.get());
        } else {
            addError(response, name, Errors.UNKNOWN_TOPIC_OR_PARTITION);
        }
    }

    private static void addError(Struct response, String name, Errors error) {
        response.addElement("topics").set("name", name).set("error_code", error.code());
    }

    private static void addTopic(Struct response, TopicDescription topic) {
        Struct t = response.addElement("topics").set("name", topic.name())
                .set("is_internal", TopicNames.isInternal(topic.name()));
        for (Map.Entry<Integer, PartitionState> e : topic.partitions().entrySet()) {
            PartitionState state = e.getValue();
            t.addElement("partitions")
                    .set("error_code", (state.leader() < 0 ? Errors.LEADER_NOT_AVAILABLE : Errors.NONE).code())
                    .set("partition_index", e.getKey())
                    .set("leader_id", state.leader())
                    .set("replica_nodes", new ArrayList<>(state.replicas()))
                    .set("isr_nodes", new ArrayList<>(state.isr()));
        }
    }
}
