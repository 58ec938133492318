package io.karst.broker.internal.handler;

import io.karst.api.Errors;
import io.karst.api.group.GroupService;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static io.karst.protocol.messages.HeartbeatMessage.ERROR_CODE;
import static io.karst.protocol.messages.HeartbeatMessage.GENERATION_ID;
import static io.karst.protocol.messages.HeartbeatMessage.GROUP_ID;
import static io.karst.protocol.messages.HeartbeatMessage.GROUP_INSTANCE_ID;
import static io.karst.protocol.messages.HeartbeatMessage.MEMBER_ID;

/** Heartbeat: keeps a member's session alive; REBALANCE_IN_PROGRESS tells it to rejoin. */
public final class HeartbeatHandler implements ApiHandler {
    private final GroupService coordinator;

    public HeartbeatHandler(GroupService coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.HEARTBEAT;
    }

    @Override
    public CompletionStage<Struct> handle(Request request) {
        Struct body = request.body();
        Errors error = coordinator.heartbeat(body.get(GROUP_ID), body.getInt(GENERATION_ID),
                body.get(MEMBER_ID), body.get(GROUP_INSTANCE_ID));
        return CompletableFuture.completedFuture(
                Protocol.newResponse(ApiKeys.HEARTBEAT, request.version()).set(ERROR_CODE, error.code()));
    }
}
