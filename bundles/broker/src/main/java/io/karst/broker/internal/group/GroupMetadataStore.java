package io.karst.broker.internal.group;

import io.karst.api.TopicPartition;
import io.karst.api.group.CommittedOffset;
import io.karst.api.record.LogRecord;
import io.karst.api.record.RecordBatchBuilder;
import io.karst.broker.internal.group.OffsetsTopicRecords.GroupKey;
import io.karst.broker.internal.group.OffsetsTopicRecords.Key;
import io.karst.broker.internal.group.OffsetsTopicRecords.OffsetKey;
import io.karst.broker.internal.group.OffsetsTopicRecords.StoredGroup;
import io.karst.broker.internal.group.OffsetsTopicRecords.StoredMember;
import io.karst.protocol.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes groups and committed offsets to {@code __consumer_offsets} and reads them back at start.
 * A group's records all go to the partition of its id, so the last record per key is its state.
 */
final class GroupMetadataStore {
    private static final Logger LOG = LoggerFactory.getLogger(GroupMetadataStore.class);

    private final OffsetsLog log;
    private final Clock clock;

    GroupMetadataStore(OffsetsLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** Kafka's choice of partition for a group: its id's hash, made non-negative, modulo the partition count. */
    static int partitionFor(String groupId, int partitions) {
        return (groupId.hashCode() & 0x7fffffff) % partitions;
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
        log.append(partitionFor(groupId, log.partitionCount()), batch.build());
    }

    /** Every group the log holds, with its last stored metadata and offsets. */
    Collection<LoadedGroup> load() throws IOException {
        Map<String, LoadedGroup> groups = new HashMap<>();
        int[] skipped = new int[1];
        log.forEachRecord(record -> {
            try {
                apply(groups, record);
            } catch (IllegalArgumentException | ProtocolException e) {
                skipped[0]++;
                LOG.warn("Skipping unreadable {} record at offset {}: {}", OffsetsLog.TOPIC, record.offset(),
                        e.getMessage());
            }
        });
        groups.values().removeIf(g -> g.group == null && g.offsets.isEmpty());
        LOG.info("Loaded {} groups from {}{}", groups.size(), OffsetsLog.TOPIC,
                skipped[0] == 0 ? "" : " (" + skipped[0] + " records skipped)");
        return groups.values();
    }

    private static void apply(Map<String, LoadedGroup> groups, LogRecord record) {
        if (record.key() == null) {
            throw new IllegalArgumentException("record without a key");
        }
        Key key = OffsetsTopicRecords.readKey(record.key());
        LoadedGroup loaded = groups.computeIfAbsent(key.group(), LoadedGroup::new);
        if (key instanceof OffsetKey offsetKey) {
            if (record.value() == null) {
                loaded.offsets.remove(offsetKey.topicPartition());
            } else {
                loaded.offsets.put(offsetKey.topicPartition(), OffsetsTopicRecords.readOffsetValue(record.value()));
            }
        } else if (key instanceof GroupKey) {
            loaded.group = record.value() == null ? null : OffsetsTopicRecords.readGroupValue(record.value());
        }
    }

    /** A group as the log left it. */
    static final class LoadedGroup {
        final String groupId;
        StoredGroup group;
        final Map<TopicPartition, CommittedOffset> offsets = new HashMap<>();

        LoadedGroup(String groupId) {
            this.groupId = groupId;
        }
    }
}
