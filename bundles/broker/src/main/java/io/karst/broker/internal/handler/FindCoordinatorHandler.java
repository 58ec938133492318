package io.karst.broker.internal.handler;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.coordination.Endpoint;
import io.karst.broker.internal.AdvertisedEndpoints;
import io.karst.broker.internal.BrokerConfig;
import io.karst.api.group.GroupService;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static io.karst.protocol.messages.FindCoordinatorMessage.ERROR_CODE;
import static io.karst.protocol.messages.FindCoordinatorMessage.ERROR_MESSAGE;
import static io.karst.protocol.messages.FindCoordinatorMessage.HOST;
import static io.karst.protocol.messages.FindCoordinatorMessage.KEY_TYPE;
import static io.karst.protocol.messages.FindCoordinatorMessage.NODE_ID;
import static io.karst.protocol.messages.FindCoordinatorMessage.PORT;

/**
 * FindCoordinator: on a single node this broker coordinates every group (and transactional id). For
 * a group it first makes sure {@code __consumer_offsets} exists, as Kafka does.
 */
public final class FindCoordinatorHandler implements ApiHandler {
    private static final byte GROUP = 0;
    private static final byte TRANSACTION = 1;

    private final BrokerConfig config;
    private final GroupService groups;
    private final AdvertisedEndpoints endpoints;

    public FindCoordinatorHandler(BrokerConfig config, GroupService groups, AdvertisedEndpoints endpoints) {
        this.config = config;
        this.groups = groups;
        this.endpoints = endpoints;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.FIND_COORDINATOR;
    }

    @Override
    public CompletionStage<Struct> handle(Request request) {
        Struct response = Protocol.newResponse(ApiKeys.FIND_COORDINATOR, request.version());
        byte keyType = request.body().getByte(KEY_TYPE);
        if (keyType != GROUP && keyType != TRANSACTION) {
            return fail(response, Errors.INVALID_REQUEST, "unknown coordinator key type " + keyType);
        }
        if (keyType == GROUP) {
            try {
                groups.ensureOffsetsTopic();
            } catch (KarstException e) {
                return fail(response, Errors.COORDINATOR_NOT_AVAILABLE, e.getMessage());
            }
        }
        Endpoint self = endpoints.forConnection(request.context());
        response.set(NODE_ID, config.brokerId()).set(HOST, self.host()).set(PORT, self.port());
        return CompletableFuture.completedFuture(response);
    }

    private static CompletionStage<Struct> fail(Struct response, Errors error, String message) {
        response.set(ERROR_CODE, error.code()).set(ERROR_MESSAGE, message)
                .set(NODE_ID, -1).set(HOST, "").set(PORT, -1);
        return CompletableFuture.completedFuture(response);
    }
}
