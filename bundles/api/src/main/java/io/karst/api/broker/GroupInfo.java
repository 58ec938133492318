package io.karst.api.broker;

import java.util.List;

/**
 * A consumer group: its state and generation, members with their assigned partitions, and committed
 * offsets with the lag behind each partition's end.
 *
 * @param groupId      the group id
 * @param state        Kafka's state name: Empty, PreparingRebalance, CompletingRebalance, Stable
 * @param protocolType {@code consumer} for consumer groups; empty for a group that only has offsets
 * @param protocol     the assignor in use (when Stable), else empty
 * @param generation   the current generation
 * @param members      the members
 * @param offsets      committed offsets, sorted by topic and partition
 */
public record GroupInfo(String groupId, String state, String protocolType, String protocol, int generation,
                        List<GroupMemberInfo> members, List<GroupOffset> offsets) {
    public GroupInfo {
        members = List.copyOf(members);
        offsets = List.copyOf(offsets);
    }
}
