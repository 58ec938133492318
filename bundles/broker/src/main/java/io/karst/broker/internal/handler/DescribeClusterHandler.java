package io.karst.broker.internal.handler;

import io.karst.api.coordination.Coordinator;
import io.karst.api.coordination.Endpoint;
import io.karst.broker.internal.AdvertisedEndpoints;
import io.karst.broker.internal.BrokerConfig;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static io.karst.protocol.messages.DescribeClusterMessage.BROKERS;
import static io.karst.protocol.messages.DescribeClusterMessage.BROKER_ID;
import static io.karst.protocol.messages.DescribeClusterMessage.CLUSTER_ID;
import static io.karst.protocol.messages.DescribeClusterMessage.CONTROLLER_ID;
import static io.karst.protocol.messages.DescribeClusterMessage.HOST;
import static io.karst.protocol.messages.DescribeClusterMessage.PORT;

/** DescribeCluster: the cluster id, the controller and the live brokers. */
public final class DescribeClusterHandler implements ApiHandler {
    private final BrokerConfig config;
    private final Coordinator coordinator;
    private final AdvertisedEndpoints endpoints;

    public DescribeClusterHandler(BrokerConfig config, Coordinator coordinator, AdvertisedEndpoints endpoints) {
        this.config = config;
        this.coordinator = coordinator;
        this.endpoints = endpoints;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.DESCRIBE_CLUSTER;
    }

    @Override
    public CompletionStage<Struct> handle(Request request) {
        Struct response = Protocol.newResponse(ApiKeys.DESCRIBE_CLUSTER, request.version());
        response.set(CLUSTER_ID, coordinator.clusterId()).set(CONTROLLER_ID, coordinator.controllerId());
        Endpoint self = endpoints.forConnection(request.context());
        response.addElement(BROKERS).set(BROKER_ID, config.brokerId()).set(HOST, self.host())
                .set(PORT, self.port());
        return CompletableFuture.completedFuture(response);
    }
}
