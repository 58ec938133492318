package io.karst.broker.internal.group;

import io.karst.broker.internal.group.GroupMetadataStore.LoadedGroup;
import io.karst.broker.internal.group.OffsetsTopicRecords.StoredGroup;
import io.karst.broker.internal.group.OffsetsTopicRecords.StoredMember;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The group coordinator as the broker holds it: membership ({@link GroupCoordinator}), committed
 * offsets ({@link OffsetManager}) and what the groups look like from outside, over one registry of
 * groups stored in {@code __consumer_offsets}.
 */
public final class GroupCoordinatorService implements AutoCloseable {
    private final GroupRegistry groups = new GroupRegistry();
    private final GroupMetadataStore store;
    private final GroupCoordinator membership;
    private final OffsetManager offsets;
    private final OffsetsLog log;
    private final Clock clock;

    public GroupCoordinatorService(GroupCoordinatorConfig config, OffsetsLog log, Clock clock) {
        this(config, log, clock, new ExecutorGroupTimer());
    }

    /** A coordinator whose delayed work runs on {@code timer}, which it closes when closed. */
    GroupCoordinatorService(GroupCoordinatorConfig config, OffsetsLog log, Clock clock, GroupTimer timer) {
        this.log = log;
        this.clock = clock;
        this.store = new GroupMetadataStore(log, clock);
        this.membership = new GroupCoordinator(config, groups, store, clock, timer);
        this.offsets = new OffsetManager(config, groups, store, clock);
    }

    public GroupCoordinator membership() {
        return membership;
    }

    public OffsetManager offsets() {
        return offsets;
    }

    /** Creates {@code __consumer_offsets} if needed, as FindCoordinator does before naming this broker. */
    public void ensureOffsetsTopic() {
        log.ensureExists();
    }

    /** Reads every group and its offsets back from {@code __consumer_offsets}, at start. */
    public void load() throws IOException {
        long now = clock.millis();
        for (LoadedGroup loaded : store.load()) {
            GroupMetadata group = new GroupMetadata(loaded.groupId, now);
            StoredGroup stored = loaded.group;
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
            group.offsets().putAll(loaded.offsets);
            membership.restore(group);
        }
    }

    /** Every known group, sorted by id. */
    public List<GroupSummary> listGroups() {
        List<GroupSummary> result = new ArrayList<>();
        for (GroupMetadata group : groups.all()) {
            result.add(describe(group));
        }
        result.removeIf(g -> g.state() == GroupState.DEAD);
        result.sort(Comparator.comparing(GroupSummary::groupId));
        return result;
    }

    /** The group as DescribeGroups shows it; Dead for an unknown group. */
    public GroupSummary describeGroup(String groupId) {
        GroupMetadata group = groups.get(groupId);
        return group == null ? GroupSummary.dead(groupId) : describe(group);
    }

    private static GroupSummary describe(GroupMetadata group) {
        synchronized (group) {
            boolean stable = group.is(GroupState.STABLE);
            List<GroupSummary.MemberSummary> members = new ArrayList<>();
            for (MemberMetadata m : group.members()) {
                byte[] metadata = stable ? m.metadata(group.protocolName()) : null;
                members.add(new GroupSummary.MemberSummary(m.memberId(), m.groupInstanceId(), m.clientId(),
                        m.clientHost(), metadata == null ? MemberMetadata.NO_ASSIGNMENT : metadata,
                        stable ? m.assignment() : MemberMetadata.NO_ASSIGNMENT));
            }
            String protocolType = group.protocolType() == null ? "" : group.protocolType();
            String protocol = stable && group.protocolName() != null ? group.protocolName() : "";
            return new GroupSummary(group.groupId(), group.state(), protocolType, protocol, group.generationId(),
                    members);
        }
    }

    /** Groups per state and committed offsets in all, for the coordinator's metrics. */
    public Map<GroupState, Integer> countByState() {
        Map<GroupState, Integer> counts = new EnumMap<>(GroupState.class);
        for (GroupMetadata group : groups.all()) {
            synchronized (group) {
                counts.merge(group.state(), 1, Integer::sum);
            }
        }
        return counts;
    }

    public int offsetCount() {
        int count = 0;
        for (GroupMetadata group : groups.all()) {
            synchronized (group) {
                count += group.offsets().size();
            }
        }
        return count;
    }

    @Override
    public void close() {
        membership.close();
    }
}
