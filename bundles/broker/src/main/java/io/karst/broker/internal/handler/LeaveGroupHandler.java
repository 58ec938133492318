package io.karst.broker.internal.handler;

import io.karst.api.group.GroupService;
import io.karst.api.group.LeaveResult;
import io.karst.api.group.LeavingMember;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * LeaveGroup: the members leave at once, and the others rebalance without waiting for their sessions
 * to end. Up to v2 the request names one member by id; from v3 it names members, each with its own
 * error, and a static member may be named by its instance id alone.
 */
public final class LeaveGroupHandler implements ApiHandler {
    private static final int MEMBERS_SINCE = 3;

    private final GroupService coordinator;

    public LeaveGroupHandler(GroupService coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.LEAVE_GROUP;
    }

    @Override
    public CompletionStage<Struct> handle(Request request) {
        Struct body = request.body();
        List<LeavingMember> leaving = new ArrayList<>();
        if (request.version() < MEMBERS_SINCE) {
            leaving.add(new LeavingMember(body.getString("member_id"), null));
        } else {
            for (Struct m : body.getStructs("members")) {
                leaving.add(new LeavingMember(m.getString("member_id"), m.getString("group_instance_id")));
            }
        }
        LeaveResult result = coordinator.leaveGroup(body.getString("group_id"), leaving);
        Struct response = Protocol.newResponse(ApiKeys.LEAVE_GROUP, request.version());
        if (request.version() < MEMBERS_SINCE) {
            return CompletableFuture.completedFuture(response.set("error_code", result.firstError().code()));
        }
        response.set("error_code", result.error().code());
        for (int i = 0; i < result.memberErrors().size(); i++) {
            response.addElement("members").set("member_id", leaving.get(i).memberId())
                    .set("group_instance_id", leaving.get(i).groupInstanceId())
                    .set("error_code", result.memberErrors().get(i).code());
        }
        return CompletableFuture.completedFuture(response);
    }
}
