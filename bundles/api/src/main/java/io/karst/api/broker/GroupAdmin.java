package io.karst.api.broker;

import io.karst.api.TopicPartition;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Consumer groups as an operator sees them from the console: members, assignments, committed offsets
 * and lag, and resetting the offsets of a group that has no members.
 */
public interface GroupAdmin {

    /** Every group the coordinator knows, sorted by id. */
    List<GroupInfo> groups();

    /** The group, or empty when the coordinator does not know it. */
    Optional<GroupInfo> group(String groupId);

    /**
     * Sets the group's committed offsets for every partition of {@code topic} (or only {@code partition}
     * when not null) to {@code to}, as an operator moving a stopped group back or forward.
     *
     * @return the new offset per partition
     * @throws io.karst.api.KarstException NON_EMPTY_GROUP while the group has members,
     *     UNKNOWN_TOPIC_OR_PARTITION for a missing topic or partition
     */
    Map<TopicPartition, Long> resetOffsets(String groupId, String topic, Integer partition, OffsetSpec to);
}
