package io.karst.broker.internal.handler;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.group.GroupService;
import io.karst.api.group.GroupSummary;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static io.karst.protocol.messages.DescribeGroupsMessage.CLIENT_HOST;
import static io.karst.protocol.messages.DescribeGroupsMessage.CLIENT_ID;
import static io.karst.protocol.messages.DescribeGroupsMessage.ERROR_CODE;
import static io.karst.protocol.messages.DescribeGroupsMessage.GROUP_ID;
import static io.karst.protocol.messages.DescribeGroupsMessage.GROUP_INSTANCE_ID;
import static io.karst.protocol.messages.DescribeGroupsMessage.GROUP_STATE;
import static io.karst.protocol.messages.DescribeGroupsMessage.MEMBERS;
import static io.karst.protocol.messages.DescribeGroupsMessage.MEMBER_ASSIGNMENT;
import static io.karst.protocol.messages.DescribeGroupsMessage.MEMBER_ID;
import static io.karst.protocol.messages.DescribeGroupsMessage.MEMBER_METADATA;
import static io.karst.protocol.messages.DescribeGroupsMessage.PROTOCOL_DATA;
import static io.karst.protocol.messages.DescribeGroupsMessage.PROTOCOL_TYPE;
import static io.karst.protocol.messages.DescribeGroupsMessage.REQUEST_GROUPS;
import static io.karst.protocol.messages.DescribeGroupsMessage.RESPONSE_GROUPS;

/**
 * DescribeGroups: state, protocol and members of each asked group. An unknown group is described as
 * Dead with no members and no error, as Kafka does up to v5.
 */
public final class DescribeGroupsHandler implements ApiHandler {
    private final GroupService groups;

    public DescribeGroupsHandler(GroupService groups) {
        this.groups = groups;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.DESCRIBE_GROUPS;
    }

    @Override
    public CompletionStage<Struct> handle(Request request) {
        Struct response = Protocol.newResponse(ApiKeys.DESCRIBE_GROUPS, request.version());
        for (String groupId : request.body().get(REQUEST_GROUPS)) {
            GroupSummary group;
            try {
                group = groups.describeGroup(groupId);
            } catch (KarstException e) {
                response.addElement(RESPONSE_GROUPS).set(ERROR_CODE, e.error().code()).set(GROUP_ID, groupId);
                continue;
            }
            Struct g = response.addElement(RESPONSE_GROUPS).set(ERROR_CODE, Errors.NONE.code())
                    .set(GROUP_ID, groupId)
                    .set(GROUP_STATE, group.state().kafkaName())
                    .set(PROTOCOL_TYPE, group.protocolType())
                    .set(PROTOCOL_DATA, group.protocolName());
            for (GroupSummary.MemberSummary m : group.members()) {
                g.addElement(MEMBERS).set(MEMBER_ID, m.memberId())
                        .set(GROUP_INSTANCE_ID, m.groupInstanceId())
                        .set(CLIENT_ID, m.clientId()).set(CLIENT_HOST, m.clientHost())
                        .set(MEMBER_METADATA, ByteBuffer.wrap(m.metadata()))
                        .set(MEMBER_ASSIGNMENT, ByteBuffer.wrap(m.assignment()));
            }
        }
        return CompletableFuture.completedFuture(response);
    }
}
