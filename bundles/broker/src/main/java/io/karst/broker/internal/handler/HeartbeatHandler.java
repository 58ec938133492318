package io.karst.broker.internal.handler;

import io.karst.api.Errors;
import io.karst.api.group.GroupService;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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
        Errors error = coordinator.heartbeat(body.getString("group_id"), body.getInt("generation_id"),
                body.getString("member_id"), body.getString("group_instance_id"));
        return CompletableFuture.completedFuture(
                Protocol.newResponse(ApiKeys.HEARTBEAT, request.version()).set("error_code", error.code()));
    }
}
