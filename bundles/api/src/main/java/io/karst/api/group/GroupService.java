package io.karst.api.group;

import io.karst.api.Errors;
import io.karst.api.TopicPartition;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The group coordinator as the broker's group APIs and consoles see it: the classic membership
 * protocol (JoinGroup, SyncGroup, Heartbeat, LeaveGroup), committed offsets, and what the groups
 * look like from outside. Errors are Kafka's, as the wire carries them.
 *
 * <p>The coordinator keeps each group in a partition of {@code __consumer_offsets}. A group whose
 * partition another broker leads gets NOT_COORDINATOR, one whose partition is still loading
 * COORDINATOR_LOAD_IN_PROGRESS: in the result where the result has an error (join, sync, heartbeat,
 * leave, commit), as an {@link io.karst.api.KarstException} with that error from the others.
 */
public interface GroupService {

    /** JoinGroup; completes when the group's join phase ends (or at once for an error). */
    CompletionStage<JoinResult> joinGroup(JoinRequest request);

    /** SyncGroup; the leader hands in {@code assignments} by member id, the others an empty map. */
    CompletionStage<SyncResult> syncGroup(String groupId, int generationId, String memberId, String groupInstanceId,
                                          Map<String, byte[]> assignments);

    Errors heartbeat(String groupId, int generationId, String memberId, String groupInstanceId);

    /** LeaveGroup: each named member leaves at once, with an error per member. */
    LeaveResult leaveGroup(String groupId, List<LeavingMember> leaving);

    /**
     * Commits {@code offsets} for the group; a generation below 0 commits without membership (the
     * group must then be Empty or unknown).
     *
     * @return the error per partition, NONE where stored
     */
    Map<TopicPartition, Errors> commit(String groupId, int generationId, String memberId, String groupInstanceId,
                                       Map<TopicPartition, OffsetCommit> offsets);

    /**
     * The group's committed offsets for {@code partitions}, or all of them when null; a partition
     * without a commit is absent from the answer.
     */
    Map<TopicPartition, CommittedOffset> fetch(String groupId, Collection<TopicPartition> partitions);

    /**
     * Sets the group's offsets, as an operator resetting them; only while the group has no members.
     *
     * @throws io.karst.api.KarstException NON_EMPTY_GROUP when it has members, or the storage error
     */
    void reset(String groupId, Map<TopicPartition, Long> offsets);

    /** Every known group, sorted by id. */
    List<GroupSummary> listGroups();

    /** The group as DescribeGroups shows it; Dead for an unknown group. */
    GroupSummary describeGroup(String groupId);

    /**
     * Makes sure the topic the groups are stored in exists, as FindCoordinator does before naming
     * this broker.
     *
     * @throws io.karst.api.KarstException when it cannot be created
     */
    void ensureOffsetsTopic();

    /** A topic was deleted: every group forgets its offsets for it (with tombstones in the log). */
    void topicDeleted(String topic);

    /** Groups per state, for the coordinator's gauges. */
    Map<GroupState, Integer> countByState();

    /** Committed offsets over all groups, for the coordinator's gauges. */
    int offsetCount();
}
