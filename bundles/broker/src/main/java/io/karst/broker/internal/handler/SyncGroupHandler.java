package io.karst.broker.internal.handler;

import io.karst.api.group.GroupService;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import static io.karst.protocol.messages.SyncGroupMessage.ASSIGNMENT;
import static io.karst.protocol.messages.SyncGroupMessage.ASSIGNMENTS;
import static io.karst.protocol.messages.SyncGroupMessage.ERROR_CODE;
import static io.karst.protocol.messages.SyncGroupMessage.GENERATION_ID;
import static io.karst.protocol.messages.SyncGroupMessage.GROUP_ID;
import static io.karst.protocol.messages.SyncGroupMessage.GROUP_INSTANCE_ID;
import static io.karst.protocol.messages.SyncGroupMessage.MEMBER_ID;

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
        for (Struct a : body.get(ASSIGNMENTS)) {
            assignments.put(a.get(MEMBER_ID), GroupRequests.copy(a.get(ASSIGNMENT)));
        }
        return coordinator.syncGroup(body.get(GROUP_ID), body.getInt(GENERATION_ID),
                        body.get(MEMBER_ID), body.get(GROUP_INSTANCE_ID), assignments)
                .thenApply(result -> Protocol.newResponse(ApiKeys.SYNC_GROUP, request.version())
                        .set(ERROR_CODE, result.error().code())
                        .set(ASSIGNMENT, ByteBuffer.wrap(result.assignment())));
    }
}
