package io.karst.broker.internal.handler;

import io.karst.api.group.GroupService;
import io.karst.api.group.JoinRequest;
import io.karst.api.group.JoinResult;
import io.karst.api.group.MemberProtocol;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * JoinGroup: the answer waits (as a future, not a thread) until the group's join phase ends. From
 * v4 a first join without a member id gets MEMBER_ID_REQUIRED with the id to rejoin with.
 */
public final class JoinGroupHandler implements ApiHandler {
    private static final int MEMBER_ID_REQUIRED_SINCE = 4;

    private final GroupService coordinator;

    public JoinGroupHandler(GroupService coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.JOIN_GROUP;
    }

    @Override
    public CompletionStage<Struct> handle(Request request) {
        Struct body = request.body();
        List<MemberProtocol> protocols = new ArrayList<>();
        for (Struct p : body.getStructs("protocols")) {
            protocols.add(new MemberProtocol(p.getString("name"), GroupRequests.copy(p.getBytes("metadata"))));
        }
        String instanceId = body.getString("group_instance_id");
        JoinRequest join = new JoinRequest(body.getString("group_id"), body.getString("member_id"), instanceId,
                request.version() >= MEMBER_ID_REQUIRED_SINCE && instanceId == null,
                GroupRequests.clientId(request), GroupRequests.clientHost(request), body.getInt("rebalance_timeout_ms"),
                body.getInt("session_timeout_ms"), body.getString("protocol_type"), protocols);
        return coordinator.joinGroup(join).thenApply(result -> response(request.version(), result));
    }

    private static Struct response(int version, JoinResult result) {
        Struct response = Protocol.newResponse(ApiKeys.JOIN_GROUP, version)
                .set("error_code", result.error().code())
                .set("generation_id", result.generationId())
                .set("protocol_name", result.protocolName() == null ? "" : result.protocolName())
                .set("leader", result.leaderId() == null ? "" : result.leaderId())
                .set("member_id", result.memberId());
        for (JoinResult.JoinedMember m : result.members()) {
            response.addElement("members").set("member_id", m.memberId())
                    .set("group_instance_id", m.groupInstanceId())
                    .set("metadata", ByteBuffer.wrap(m.metadata() == null ? new byte[0] : m.metadata()));
        }
        return response;
    }
}
