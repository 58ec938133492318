package io.karst.group.coordinator.internal;

import io.karst.api.TopicPartition;
import io.karst.api.group.CommittedOffset;
import io.karst.api.group.GroupState;
import io.karst.api.group.MemberProtocol;
import io.karst.api.record.LogRecord;
import io.karst.group.coordinator.internal.OffsetsTopicRecords.GroupKey;
import io.karst.group.coordinator.internal.OffsetsTopicRecords.Key;
import io.karst.group.coordinator.internal.OffsetsTopicRecords.OffsetKey;
import io.karst.group.coordinator.internal.OffsetsTopicRecords.StoredGroup;
import io.karst.group.coordinator.internal.OffsetsTopicRecords.StoredMember;
import io.karst.group.coordinator.internal.runtime.CoordinatorShard;
import io.karst.protocol.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The groups of one {@code __consumer_offsets} partition: rebuilt from the partition's records (the
 * last record per key is the state; a null value deletes it), then served until the broker resigns
 * the partition, when waiting members are told NOT_COORDINATOR. Thread-safe once loaded.
 */
final class GroupShard implements CoordinatorShard {
    private static final Logger LOG = LoggerFactory.getLogger(GroupShard.class);

    private final int partition;
    private final GroupCoordinator membership;
    private final Clock clock;
    private final Map<String, GroupMetadata> groups = new ConcurrentHashMap<>();
    /** What the log says while it is replayed; emptied once loaded. */
    private final Map<String, ReplayedGroup> replayed = new HashMap<>();
    private int skipped;

    GroupShard(int partition, GroupCoordinator membership, Clock clock) {
        this.partition = partition;
        this.membership = membership;
        this.clock = clock;
    }

    @Override
    public void replay(LogRecord record) {
        try {
            apply(record);
        } catch (IllegalArgumentException | ProtocolException e) {
            skipped++;
            LOG.warn("Skipping unreadable record at offset {} of partition {} of {}: {}", record.offset(), partition,
                    GroupCoordinatorService.TOPIC, e.getMessage());
        }
    }

    private void apply(LogRecord record) {
        if (record.key() == null) {
            throw new IllegalArgumentException("record without a key");
        }
        Key key = OffsetsTopicRecords.readKey(record.key());
        ReplayedGroup group = replayed.computeIfAbsent(key.group(), id -> new ReplayedGroup());
        if (key instanceof OffsetKey offsetKey) {
            if (record.value() == null) {
                group.offsets.remove(offsetKey.topicPartition());
            } else {
                group.offsets.put(offsetKey.topicPartition(), OffsetsTopicRecords.readOffsetValue(record.value()));
            }
        } else if (key instanceof GroupKey) {
            group.stored = record.value() == null ? null : OffsetsTopicRecords.readGroupValue(record.value());
        }
    }

    @Override
    public void loaded() {
        long now = clock.millis();
        replayed.forEach((groupId, replay) -> {
            if (replay.stored != null || !replay.offsets.isEmpty()) {
                GroupMetadata group = restore(groupId, replay, now);
                groups.put(groupId, group);
                membership.resume(group);
            }
        });
        replayed.clear();
        LOG.info("Loaded {} groups from partition {} of {}{}", groups.size(), partition, GroupCoordinatorService.TOPIC,
                skipped == 0 ? "" : " (" + skipped + " records skipped)");
    }

    private static GroupMetadata restore(String groupId, ReplayedGroup replay, long now) {
        GroupMetadata group = new GroupMetadata(groupId, now);
        StoredGroup stored = replay.stored;
        if (stored != null) {
            for (StoredMember m : stored.members()) {
                MemberMetadata member = new MemberMetadata(m.memberId(), m.groupInstanceId(), m.clientId(),
                        m.clientHost(), m.rebalanceTimeoutMs(), m.sessionTimeoutMs(), stored.protocolType(),
                        List.of(new MemberProtocol(stored.protocol(), m.subscription())));
                member.setAssignment(m.assignment());
                group.add(member);
            }
            // after the members: adding one makes it leader of a leaderless group
            group.restore(stored.protocolType(), stored.protocol(), stored.generation(), stored.leader());
            group.transitionTo(group.isEmpty() ? GroupState.EMPTY : GroupState.STABLE, now);
        }
        group.offsets().putAll(replay.offsets);
        return group;
    }

    @Override
    public void unloaded() {
        membership.unload(groups.values());
        groups.clear();
    }

    GroupMetadata get(String groupId) {
        return groups.get(groupId);
    }

    GroupMetadata getOrCreate(String groupId, long now) {
        return groups.computeIfAbsent(groupId, id -> new GroupMetadata(id, now));
    }

    /** Removes a group; the caller holds its lock and has made it Dead. */
    void remove(GroupMetadata group) {
        groups.remove(group.groupId(), group);
    }

    Collection<GroupMetadata> all() {
        return new ArrayList<>(groups.values());
    }

    /** A group as the log has it so far. */
    private static final class ReplayedGroup {
        StoredGroup stored;
        final Map<TopicPartition, CommittedOffset> offsets = new HashMap<>();
    }
}
