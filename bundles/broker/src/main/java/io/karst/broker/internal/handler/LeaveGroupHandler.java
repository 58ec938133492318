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

import static io.karst.protocol.messages.LeaveGroupMessage.ERROR_CODE;
import static io.karst.protocol.messages.LeaveGroupMessage.GROUP_ID;
import static io.karst.protocol.messages.LeaveGroupMessage.GROUP_INSTANCE_ID;
import static io.karst.protocol.messages.LeaveGroupMessage.MEMBER_ID;
import static io.karst.protocol.messages.LeaveGroupMessage.REQUEST_MEMBERS;
import static io.karst.protocol.messages.LeaveGroupMessage.REQUEST_MEMBER_ID;
import static io.karst.protocol.messages.LeaveGroupMessage.RESPONSE_MEMBERS;

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
            leaving.add(new LeavingMember(body.get(REQUEST_MEMBER_ID), null));
        } else {
            for (Struct m : body.get(REQUEST_MEMBERS)) {
                leaving.add(new LeavingMember(m.get(MEMBER_ID), m.get(GROUP_INSTANCE_ID)));
            }
        }
        LeaveResult result = coordinator.leaveGroup(body.get(GROUP_ID), leaving);
        Struct response = Protocol.newResponse(ApiKeys.LEAVE_GROUP, request.version());
        if (request.version() < MEMBERS_SINCE) {
            return CompletableFuture.completedFuture(response.set(ERROR_CODE, result.firstError().code()));
        }
        response.set(ERROR_CODE, result.error().code());
        for (int i = 0; i < result.memberErrors().size(); i++) {
            response.addElement(RESPONSE_MEMBERS).set(MEMBER_ID, leaving.get(i).memberId())
                    .set(GROUP_INSTANCE_ID, leaving.get(i).groupInstanceId())
                    .set(ERROR_CODE, result.memberErrors().get(i).code());
        }
        return CompletableFuture.completedFuture(response);
    }
}
