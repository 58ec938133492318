package io.karst.api.broker;

import io.karst.api.TopicPartition;

import java.util.List;

/**
 * A member of a group.
 *
 * @param memberId        the id the coordinator gave it
 * @param groupInstanceId its static instance id, or null
 * @param clientId        the client id it connected with
 * @param clientHost      its address, as Kafka shows it ({@code /127.0.0.1})
 * @param assignment      the partitions it was assigned (consumer groups, while Stable)
 */
public record GroupMemberInfo(String memberId, String groupInstanceId, String clientId, String clientHost,
                              List<TopicPartition> assignment) {
    public GroupMemberInfo {
        assignment = List.copyOf(assignment);
    }
}
