package io.karst.api.group;

import java.util.List;

/**
 * A group as DescribeGroups shows it. As in Kafka, the protocol and the members' metadata and
 * assignments are given only while the group is Stable; in other states they are empty.
 *
 * @param groupId      the group id
 * @param state        its state (Dead for a group the coordinator does not know)
 * @param protocolType e.g. {@code consumer}; empty when unknown
 * @param protocolName the chosen assignor when Stable, else empty
 * @param generationId the current generation
 * @param members      the members
 */
public record GroupSummary(String groupId, GroupState state, String protocolType, String protocolName,
                           int generationId, List<MemberSummary> members) {

    /** One member: ids, client, host, and (when Stable) its subscription metadata and assignment. */
    public record MemberSummary(String memberId, String groupInstanceId, String clientId, String clientHost,
                                byte[] metadata, byte[] assignment) {
    }

    public static GroupSummary dead(String groupId) {
        return new GroupSummary(groupId, GroupState.DEAD, "", "", -1, List.of());
    }
}
