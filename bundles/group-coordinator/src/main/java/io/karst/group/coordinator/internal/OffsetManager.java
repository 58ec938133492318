package io.karst.group.coordinator.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.group.CommittedOffset;
import io.karst.api.group.GroupState;
import io.karst.api.group.OffsetCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Committed offsets: OffsetCommit checks the committer against the group (a member of the current
 * generation, or anyone while the group is Empty and the commit carries no generation), stores the
 * offsets in {@code __consumer_offsets}, then keeps them in memory for OffsetFetch.
 */
public final class OffsetManager {
    private static final Logger LOG = LoggerFactory.getLogger(OffsetManager.class);

    private final GroupCoordinatorConfig config;
    private final GroupRegistry groups;
    private final GroupMetadataStore store;
    private final Clock clock;

    OffsetManager(GroupCoordinatorConfig config, GroupRegistry groups, GroupMetadataStore store, Clock clock) {
        this.config = config;
        this.groups = groups;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Commits {@code offsets} for the group; a generation below 0 commits without membership (the
     * group must then be Empty or unknown).
     *
     * @return the error per partition, NONE where stored
     */
    public Map<TopicPartition, Errors> commit(String groupId, int generationId, String memberId,
                                              String groupInstanceId, Map<TopicPartition, OffsetCommit> offsets) {
        if (groupId == null) {
            return all(offsets.keySet(), Errors.INVALID_GROUP_ID);
        }
        GroupMetadata group = generationId < 0 ? groups.getOrCreate(groupId, clock.millis()) : groups.get(groupId);
        if (group == null) {
            return all(offsets.keySet(), Errors.ILLEGAL_GENERATION);
        }
        synchronized (group) {
            Errors refusal = checkCommitter(group, generationId, memberId, groupInstanceId);
            if (refusal != Errors.NONE) {
                return all(offsets.keySet(), refusal);
            }
            return store(group, offsets);
        }
    }

    private Errors checkCommitter(GroupMetadata group, int generationId, String memberId, String groupInstanceId) {
        if (group.is(GroupState.DEAD)) {
            return Errors.COORDINATOR_NOT_AVAILABLE;
        }
        if (group.isFenced(groupInstanceId, memberId)) {
            return Errors.FENCED_INSTANCE_ID;
        }
        if (generationId < 0 && group.is(GroupState.EMPTY)) {
            return Errors.NONE;
        }
        if (group.is(GroupState.COMPLETING_REBALANCE)) {
            return Errors.REBALANCE_IN_PROGRESS;
        }
        MemberMetadata member = group.member(memberId);
        if (member == null) {
            return Errors.UNKNOWN_MEMBER_ID;
        }
        if (generationId != group.generationId()) {
            return Errors.ILLEGAL_GENERATION;
        }
        member.heartbeatReceived(clock.millis());
        return Errors.NONE;
    }

    private Map<TopicPartition, Errors> store(GroupMetadata group, Map<TopicPartition, OffsetCommit> offsets) {
        Map<TopicPartition, Errors> result = new LinkedHashMap<>();
        Map<TopicPartition, CommittedOffset> valid = new LinkedHashMap<>();
        long now = clock.millis();
        offsets.forEach((tp, commit) -> {
            String metadata = commit.metadata() == null ? "" : commit.metadata();
            if (metadata.length() > config.offsetMetadataMaxBytes()) {
                result.put(tp, Errors.OFFSET_METADATA_TOO_LARGE);
            } else {
                valid.put(tp, new CommittedOffset(commit.offset(), commit.leaderEpoch(), metadata, now));
                result.put(tp, Errors.NONE);
            }
        });
        try {
            store.storeOffsets(group.groupId(), valid);
        } catch (IOException | KarstException e) {
            LOG.warn("Cannot store offsets of group {}", group.groupId(), e);
            valid.keySet().forEach(tp -> result.put(tp, Errors.COORDINATOR_NOT_AVAILABLE));
            return result;
        }
        group.offsets().putAll(valid);
        return result;
    }

    /**
     * The group's committed offsets for {@code partitions}, or all of them when null; a partition
     * without a commit is absent from the answer.
     */
    public Map<TopicPartition, CommittedOffset> fetch(String groupId, Collection<TopicPartition> partitions) {
        GroupMetadata group = groups.get(groupId);
        if (group == null) {
            return Map.of();
        }
        synchronized (group) {
            if (partitions == null) {
                return new HashMap<>(group.offsets());
            }
            Map<TopicPartition, CommittedOffset> result = new HashMap<>();
            for (TopicPartition tp : partitions) {
                CommittedOffset offset = group.offset(tp);
                if (offset != null) {
                    result.put(tp, offset);
                }
            }
            return result;
        }
    }

    /**
     * Sets the group's offsets, as an operator resetting them; only while the group has no members.
     *
     * @throws KarstException NON_EMPTY_GROUP when it has members, or the storage error
     */
    public void reset(String groupId, Map<TopicPartition, Long> offsets) {
        GroupMetadata group = groups.getOrCreate(groupId, clock.millis());
        synchronized (group) {
            if (!group.is(GroupState.EMPTY)) {
                throw new KarstException(Errors.NON_EMPTY_GROUP, "Offsets can only be reset if the group '"
                        + groupId + "' is inactive, but the current state is " + group.state().kafkaName() + ".");
            }
            Map<TopicPartition, OffsetCommit> commits = new LinkedHashMap<>();
            offsets.forEach((tp, offset) -> commits.put(tp, new OffsetCommit(offset, -1, "")));
            Map<TopicPartition, Errors> result = store(group, commits);
            result.values().stream().filter(e -> e != Errors.NONE).findFirst().ifPresent(e -> {
                throw new KarstException(e, "Cannot store the offsets of group '" + groupId + "'");
            });
        }
    }

    /** Removes every group's offsets of a deleted topic, with tombstones in the log. */
    public void topicDeleted(String topic) {
        for (GroupMetadata group : groups.all()) {
            synchronized (group) {
                List<TopicPartition> doomed = new ArrayList<>();
                for (TopicPartition tp : group.offsets().keySet()) {
                    if (tp.topic().equals(topic)) {
                        doomed.add(tp);
                    }
                }
                if (doomed.isEmpty()) {
                    continue;
                }
                try {
                    store.delete(group.groupId(), doomed, false);
                    doomed.forEach(group.offsets()::remove);
                } catch (IOException | KarstException e) {
                    LOG.warn("Cannot delete the offsets of group {} for deleted topic {}", group.groupId(), topic, e);
                }
            }
        }
    }

    /**
     * Kafka's offset expiry: an Empty group's offsets expire {@code offsets.retention.minutes} after
     * it became empty, and an Empty group without offsets is removed (tombstones in the log).
     */
    public void expireOffsets() {
        long now = clock.millis();
        for (GroupMetadata group : groups.all()) {
            synchronized (group) {
                if (!group.is(GroupState.EMPTY)) {
                    continue;
                }
                boolean expired = group.stateTimestamp() + config.offsetsRetentionMs() <= now;
                List<TopicPartition> doomed = expired ? new ArrayList<>(group.offsets().keySet()) : List.of();
                if (!expired && !group.offsets().isEmpty()) {
                    continue;
                }
                try {
                    store.delete(group.groupId(), doomed, true);
                } catch (IOException | KarstException e) {
                    LOG.warn("Cannot remove expired group {}", group.groupId(), e);
                    continue;
                }
                group.offsets().clear();
                group.transitionTo(GroupState.DEAD, now);
                groups.remove(group);
                LOG.info("Removed empty group {} ({} expired offsets)", group.groupId(), doomed.size());
            }
        }
    }

    private static Map<TopicPartition, Errors> all(Collection<TopicPartition> partitions, Errors error) {
        Map<TopicPartition, Errors> result = new LinkedHashMap<>();
        partitions.forEach(tp -> result.put(tp, error));
        return result;
    }
}
