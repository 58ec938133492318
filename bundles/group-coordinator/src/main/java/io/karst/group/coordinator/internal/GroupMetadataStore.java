package io.karst.group.coordinator.internal;

import io.karst.api.TopicPartition;
import io.karst.api.group.CommittedOffset;
import io.karst.api.record.RecordBatchBuilder;
import io.karst.group.coordinator.internal.OffsetsTopicRecords.StoredGroup;
import io.karst.group.coordinator.internal.OffsetsTopicRecords.StoredMember;
import io.karst.group.coordinator.internal.runtime.CoordinatorRuntime;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes groups and committed offsets to {@code __consumer_offsets} ({@link GroupShard} reads them
 * back). A group's records all go to the partition of its id, so the last record per key is its state.
 */
final class GroupMetadataStore {
    private final CoordinatorRuntime<GroupShard> runtime;
    private final Clock clock;

    GroupMetadataStore(CoordinatorRuntime<GroupShard> runtime, Clock clock) {
        this.runtime = runtime;
        this.clock = clock;
    }

    /** Stores the group's generation, protocol, leader and members (with their assignments). */
    void storeGroup(GroupMetadata group) throws IOException {
        List<StoredMember> members = new ArrayList<>();
        for (MemberMetadata m : group.members()) {
            byte[] subscription = group.protocolName() == null ? null : m.metadata(group.protocolName());
            members.add(new StoredMember(m.memberId(), m.groupInstanceId(), m.clientId(), m.clientHost(),
                    m.rebalanceTimeoutMs(), m.sessionTimeoutMs(),
                    subscription == null ? MemberMetadata.NO_ASSIGNMENT : subscription, m.assignment()));
        }
        StoredGroup stored = new StoredGroup(group.protocolType(), group.generationId(), group.protocolName(),
                group.leaderId(), group.stateTimestamp(), members);
        append(group.groupId(), new RecordBatchBuilder().add(clock.millis(),
                OffsetsTopicRecords.groupKey(group.groupId()), OffsetsTopicRecords.groupValue(stored), List.of()));
    }

    /** Stores committed offsets, one record per partition, in one batch. */
    void storeOffsets(String groupId, Map<TopicPartition, CommittedOffset> offsets) throws IOException {
        RecordBatchBuilder batch = new RecordBatchBuilder();
        long now = clock.millis();
        offsets.forEach((tp, offset) -> batch.add(now, OffsetsTopicRecords.offsetKey(groupId, tp),
                OffsetsTopicRecords.offsetValue(offset), List.of()));
        if (!batch.isEmpty()) {
            append(groupId, batch);
        }
    }

    /** Writes tombstones for the offsets of {@code partitions} and, when {@code groupGone}, for the group. */
    void delete(String groupId, Collection<TopicPartition> partitions, boolean groupGone) throws IOException {
        RecordBatchBuilder batch = new RecordBatchBuilder();
        long now = clock.millis();
        for (TopicPartition tp : partitions) {
            batch.add(now, OffsetsTopicRecords.offsetKey(groupId, tp), null, List.of());
        }
        if (groupGone) {
            batch.add(now, OffsetsTopicRecords.groupKey(groupId), null, List.of());
        }
        if (!batch.isEmpty()) {
            append(groupId, batch);
        }
    }

    private void append(String groupId, RecordBatchBuilder batch) throws IOException {
        runtime.append(runtime.partitionFor(groupId), batch.build());
    }
}
