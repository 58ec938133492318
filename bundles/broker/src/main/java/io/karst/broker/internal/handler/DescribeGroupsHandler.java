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
        for (String groupId : request.body().<String>getList("groups")) {
            GroupSummary group;
            try {
                group = groups.describeGroup(groupId);
            } catch (KarstException e) {
                response.addElement("groups").set("error_code", e.error().code()).set("group_id", groupId);
                continue;
            }
            Struct g = response.addElement("groups").set("error_code", Errors.NONE.code())
                    .set("group_id", groupId)
                    .set("group_state", group.state().kafkaName())
                    .set("protocol_type", group.protocolType())
                    .set("protocol_data", group.protocolName());
            for (GroupSummary.MemberSummary m : group.members()) {
                g.addElement("members").set("member_id", m.memberId())
                        .set("group_instance_id", m.groupInstanceId())
                        .set("client_id", m.clientId()).set("client_host", m.clientHost())
                        .set("member_metadata", ByteBuffer.wrap(m.metadata()))
                        .set("member_assignment", ByteBuffer.wrap(m.assignment()));
            }
        }
        return CompletableFuture.completedFuture(response);
    }
}
