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

import static io.karst.protocol.messages.JoinGroupMessage.ERROR_CODE;
import static io.karst.protocol.messages.JoinGroupMessage.GENERATION_ID;
import static io.karst.protocol.messages.JoinGroupMessage.GROUP_ID;
import static io.karst.protocol.messages.JoinGroupMessage.GROUP_INSTANCE_ID;
import static io.karst.protocol.messages.JoinGroupMessage.LEADER;
import static io.karst.protocol.messages.JoinGroupMessage.MEMBERS;
import static io.karst.protocol.messages.JoinGroupMessage.MEMBER_ID;
import static io.karst.protocol.messages.JoinGroupMessage.METADATA;
import static io.karst.protocol.messages.JoinGroupMessage.NAME;
import static io.karst.protocol.messages.JoinGroupMessage.PROTOCOLS;
import static io.karst.protocol.messages.JoinGroupMessage.PROTOCOL_NAME;
import static io.karst.protocol.messages.JoinGroupMessage.PROTOCOL_TYPE;
import static io.karst.protocol.messages.JoinGroupMessage.REBALANCE_TIMEOUT_MS;
import static io.karst.protocol.messages.JoinGroupMessage.SESSION_TIMEOUT_MS;

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
        for (Struct p : body.get(PROTOCOLS)) {
            protocols.add(new MemberProtocol(p.get(NAME), GroupRequests.copy(p.get(METADATA))));
        }
        String instanceId = body.get(GROUP_INSTANCE_ID);
        JoinRequest join = new JoinRequest(body.get(GROUP_ID), body.get(MEMBER_ID), instanceId,
                request.version() >= MEMBER_ID_REQUIRED_SINCE && instanceId == null,
                GroupRequests.clientId(request), GroupRequests.clientHost(request), body.getInt(REBALANCE_TIMEOUT_MS),
                body.getInt(SESSION_TIMEOUT_MS), body.get(PROTOCOL_TYPE), protocols);
        return coordinator.joinGroup(join).thenApply(result -> response(request.version(), result));
    }

    private static Struct response(int version, JoinResult result) {
        Struct response = Protocol.newResponse(ApiKeys.JOIN_GROUP, version)
                .set(ERROR_CODE, result.error().code())
                .set(GENERATION_ID, result.generationId())
                .set(PROTOCOL_NAME, result.protocolName() == null ? "" : result.protocolName())
                .set(LEADER, result.leaderId() == null ? "" : result.leaderId())
                .set(MEMBER_ID, result.memberId());
        for (JoinResult.JoinedMember m : result.members()) {
            response.addElement(MEMBERS).set(MEMBER_ID, m.memberId())
                    .set(GROUP_INSTANCE_ID, m.groupInstanceId())
                    .set(METADATA, ByteBuffer.wrap(m.metadata() == null ? new byte[0] : m.metadata()));
        }
        return response;
    }
}
