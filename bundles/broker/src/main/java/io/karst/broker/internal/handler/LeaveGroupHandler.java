package io.karst.broker.internal.handler;

import io.karst.api.Errors;
import io.karst.broker.internal.group.GroupCoordinator;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** LeaveGroup: the member leaves at once, and the others rebalance without waiting for its session to end. */
public final class LeaveGroupHandler implements ApiHandler {
    private final GroupCoordinator coordinator;

    public LeaveGroupHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.LEAVE_GROUP;
    }

    @Override
    public CompletionStage<Struct> handle(Request request) {
        Struct body = request.body();
        Errors error = coordinator.leaveGroup(body.getString("group_id"), body.getString("member_id"));
        return CompletableFuture.completedFuture(
                Protocol.newResponse(ApiKeys.LEAVE_GROUP, request.version()).set("error_code", error.code()));
    }
}
