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

import static io.karst.protocol.messages.MetadataMessage.ALLOW_AUTO_TOPIC_CREATION;
import static io.karst.protocol.messages.MetadataMessage.BROKERS;
import static io.karst.protocol.messages.MetadataMessage.CLUSTER_ID;
import static io.karst.protocol.messages.MetadataMessage.CONTROLLER_ID;
import static io.karst.protocol.messages.MetadataMessage.ERROR_CODE;
import static io.karst.protocol.messages.MetadataMessage.HOST;
import static io.karst.protocol.messages.MetadataMessage.ISR_NODES;
import static io.karst.protocol.messages.MetadataMessage.IS_INTERNAL;
import static io.karst.protocol.messages.MetadataMessage.LEADER_ID;
import static io.karst.protocol.messages.MetadataMessage.NAME;
import static io.karst.protocol.messages.MetadataMessage.NODE_ID;
import static io.karst.protocol.messages.MetadataMessage.PARTITIONS;
import static io.karst.protocol.messages.MetadataMessage.PARTITION_INDEX;
import static io.karst.protocol.messages.MetadataMessage.PORT;
import static io.karst.protocol.messages.MetadataMessage.REPLICA_NODES;
import static io.karst.protocol.messages.MetadataMessage.REQUEST_TOPICS;
import static io.karst.protocol.messages.MetadataMessage.RESPONSE_TOPICS;

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
        response.addElement(BROKERS).set(NODE_ID, config.brokerId()).set(HOST, self.host())
                .set(PORT, self.port());
        response.set(CLUSTER_ID, coordinator.clusterId()).set(CONTROLLER_ID, coordinator.controllerId());

        List<Struct> asked = request.body().get(REQUEST_TOPICS);
        boolean all = asked == null || (version == 0 && asked.isEmpty());
        if (all) {
            for (TopicDescription topic : coordinator.topics()) {
                addTopic(response, topic);
            }
        } else {
            boolean allowAutoCreate = request.body().getBoolean(ALLOW_AUTO_TOPIC_CREATION);
            for (Struct t : asked) {
                describe(response, t.get(NAME), allowAutoCreate);
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
        response.addElement(RESPONSE_TOPICS).set(NAME, name).set(ERROR_CODE, error.code());
    }

    private static void addTopic(Struct response, TopicDescription topic) {
        Struct t = response.addElement(RESPONSE_TOPICS).set(NAME, topic.name())
                .set(IS_INTERNAL, TopicNames.isInternal(topic.name()));
        for (Map.Entry<Integer, PartitionState> e : topic.partitions().entrySet()) {
            PartitionState state = e.getValue();
            t.addElement(PARTITIONS)
                    .set(ERROR_CODE, (state.leader() < 0 ? Errors.LEADER_NOT_AVAILABLE : Errors.NONE).code())
                    .set(PARTITION_INDEX, e.getKey())
                    .set(LEADER_ID, state.leader())
                    .set(REPLICA_NODES, new ArrayList<>(state.replicas()))
                    .set(ISR_NODES, new ArrayList<>(state.isr()));
        }
    }
}
