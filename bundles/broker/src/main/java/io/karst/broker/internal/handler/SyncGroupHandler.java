package io.karst.broker.internal.handler;

import io.karst.api.group.GroupService;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** SyncGroup: a follower's answer waits until the leader has handed in the assignment. */
public final class SyncGroupHandler implements ApiHandler {
    private final GroupService coordinator;

    public SyncGroupHandler(GroupService coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.SYNC_GROUP;
    }

    @Override
    public CompletionStage<Struct> handle(Request request) {
        Struct body = request.body();
        Map<String, byte[]> assignments = new HashMap<>();
        for (Struct a : body.getStructs("assignments")) {
            assignments.put(a.getString("member_id"), GroupRequests.copy(a.getBytes("assignment")));
        }
        return coordinator.syncGroup(body.getString("group_id"), body.getInt("generation_id"),
                        body.getString("member_id"), body.getString("group_instance_id"), assignments)
                .thenApply(result -> Protocol.newResponse(ApiKeys.SYNC_GROUP, request.version())
                        .set("error_code", result.error().code())
                        .set("assignment", ByteBuffer.wrap(result.assignment())));
    }
}
