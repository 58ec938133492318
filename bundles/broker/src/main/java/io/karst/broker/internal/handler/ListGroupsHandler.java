package io.karst.broker.internal.handler;

import io.karst.api.KarstException;
import io.karst.api.group.GroupService;
import io.karst.api.group.GroupSummary;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static io.karst.protocol.messages.ListGroupsMessage.ERROR_CODE;
import static io.karst.protocol.messages.ListGroupsMessage.GROUPS;
import static io.karst.protocol.messages.ListGroupsMessage.GROUP_ID;
import static io.karst.protocol.messages.ListGroupsMessage.PROTOCOL_TYPE;

/** ListGroups: every group this coordinator knows, with its protocol type (empty for offsets-only groups). */
public final class ListGroupsHandler implements ApiHandler {
    private final GroupService groups;

    public ListGroupsHandler(GroupService groups) {
        this.groups = groups;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.LIST_GROUPS;
    }

    @Override
    public CompletionStage<Struct> handle(Request request) {
        Struct response = Protocol.newResponse(ApiKeys.LIST_GROUPS, request.version());
        List<GroupSummary> listed;
        try {
            listed = groups.listGroups();
        } catch (KarstException e) {
            return CompletableFuture.completedFuture(response.set(ERROR_CODE, e.error().code()));
        }
        for (GroupSummary group : listed) {
            response.addElement(GROUPS).set(GROUP_ID, group.groupId()).set(PROTOCOL_TYPE, group.protocolType());
        }
        return CompletableFuture.completedFuture(response);
    }
}
