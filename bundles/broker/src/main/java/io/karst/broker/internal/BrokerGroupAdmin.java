package io.karst.broker.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.broker.GroupAdmin;
import io.karst.api.broker.GroupInfo;
import io.karst.api.broker.GroupMemberInfo;
import io.karst.api.broker.GroupOffset;
import io.karst.api.broker.OffsetSpec;
import io.karst.api.coordination.TopicDescription;
import io.karst.api.group.CommittedOffset;
import io.karst.api.group.GroupService;
import io.karst.api.group.GroupState;
import io.karst.api.group.GroupSummary;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The console's view of consumer groups: members and their partitions, offsets and lag, offset resets. */
final class BrokerGroupAdmin implements GroupAdmin {
    private static final String CONSUMER = "consumer";

    private final GroupService groups;
    private final TopicManager topics;

    BrokerGroupAdmin(GroupService groups, TopicManager topics) {
        this.groups = groups;
        this.topics = topics;
    }

    @Override
    public List<GroupInfo> groups() {
        return groups.listGroups().stream().map(this::info).toList();
    }

    @Override
    public Optional<GroupInfo> group(String groupId) {
        GroupSummary summary = groups.describeGroup(groupId);
        return summary.state() == GroupState.DEAD ? Optional.empty() : Optional.of(info(summary));
    }

    @Override
    public Map<TopicPartition, Long> resetOffsets(String groupId, String topic, Integer partition, OffsetSpec to) {
        TopicDescription described = topics.describe(topic).orElseThrow(() ->
                new KarstException(Errors.UNKNOWN_TOPIC_OR_PARTITION, "Topic '" + topic + "' does not exist."));
        List<Integer> indexes = partition == null ? new ArrayList<>(described.partitions().keySet()) : List.of(partition);
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        for (int index : indexes) {
            TopicPartition tp = new TopicPartition(topic, index);
            Partition p = topics.partition(tp);
            if (p == null) {
                throw new KarstException(Errors.UNKNOWN_TOPIC_OR_PARTITION, "Partition " + tp + " does not exist.");
            }
            try {
                offsets.put(tp, OffsetResolver.resolve(p, to));
            } catch (IOException e) {
                throw new KarstException(Errors.KAFKA_STORAGE_ERROR, "Cannot read " + tp + ": " + e.getMessage(), e);
            }
        }
        groups.reset(groupId, offsets);
        return offsets;
    }

    private GroupInfo info(GroupSummary group) {
        Map<TopicPartition, String> owners = new HashMap<>();
        List<GroupMemberInfo> members = new ArrayList<>();
        for (GroupSummary.MemberSummary m : group.members()) {
            List<TopicPartition> assigned = CONSUMER.equals(group.protocolType())
                    ? ConsumerAssignment.partitions(m.assignment()) : List.of();
            assigned.forEach(tp -> owners.put(tp, m.memberId()));
            members.add(new GroupMemberInfo(m.memberId(), m.groupInstanceId(), m.clientId(), m.clientHost(), assigned));
        }
        Map<TopicPartition, CommittedOffset> committed = groups.fetch(group.groupId(), null);
        Map<TopicPartition, GroupOffset> offsets = new TreeMap<>();
        for (TopicPartition tp : union(committed.keySet(), owners.keySet())) {
            CommittedOffset c = committed.get(tp);
            Partition p = topics.partition(tp);
            long end = p == null ? -1 : p.highWatermark();
            long at = c == null ? -1 : c.offset();
            long lag = end < 0 || at < 0 ? -1 : Math.max(0, end - at);
            offsets.put(tp, new GroupOffset(tp, at, end, lag, owners.get(tp)));
        }
        return new GroupInfo(group.groupId(), group.state().kafkaName(), group.protocolType(), group.protocolName(),
                group.generationId(), members, new ArrayList<>(offsets.values()));
    }

    private static Set<TopicPartition> union(Collection<TopicPartition> a, Collection<TopicPartition> b) {
        Set<TopicPartition> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
