package io.karst.broker.internal.group;

import io.karst.api.group.MemberProtocol;
import io.karst.broker.internal.group.GroupMetadataStore.LoadedGroup;
import io.karst.broker.internal.group.OffsetsTopicRecords.StoredGroup;
import io.karst.broker.internal.group.OffsetsTopicRecords.StoredMember;

import io.karst.api.Errors;
import io.karst.api.TopicPartition;
import io.karst.api.group.CommittedOffset;
import io.karst.api.group.GroupService;
import io.karst.api.group.GroupState;
import io.karst.api.group.GroupSummary;
import io.karst.api.group.JoinRequest;
import io.karst.api.group.JoinResult;
import io.karst.api.group.LeaveResult;
import io.karst.api.group.LeavingMember;
import io.karst.api.group.OffsetCommit;
import io.karst.api.group.SyncResult;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The group coordinator as the broker holds it: membership ({@link GroupCoordinator}), committed
 * offsets ({@link OffsetManager}) and what the groups look like from outside, over one registry of
 * groups stored in {@code __consumer_offsets}.
 */
public final class GroupCoordinatorService implements GroupService, AutoCloseable {
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

    /** Membership itself, with its futures, for the tests in this package. */
    GroupCoordinator membership() {
        return membership;
    }

    /** Committed offsets, for the broker's housekeeping (expiry, deleted topics). */
    public OffsetManager offsets() {
        return offsets;
    }

    @Override
    public CompletionStage<JoinResult> joinGroup(JoinRequest request) {
        return membership.joinGroup(request);
    }

    @Override
    public CompletionStage<SyncResult> syncGroup(String groupId, int generationId, String memberId,
                                                 String groupInstanceId, Map<String, byte[]> assignments) {
        return membership.syncGroup(groupId, generationId, memberId, groupInstanceId, assignments);
    }

    @Override
    public Errors heartbeat(String groupId, int generationId, String memberId, String groupInstanceId) {
        return membership.heartbeat(groupId, generationId, memberId, groupInstanceId);
    }

    @Override
    public LeaveResult leaveGroup(String groupId, List<LeavingMember> leaving) {
        return membership.leaveGroup(groupId, leaving);
    }

    @Override
    public Map<TopicPartition, Errors> commit(String groupId, int generationId, String memberId,
                                              String groupInstanceId, Map<TopicPartition, OffsetCommit> commits) {
        return offsets.commit(groupId, generationId, memberId, groupInstanceId, commits);
    }

    @Override
    public Map<TopicPartition, CommittedOffset> fetch(String groupId, Collection<TopicPartition> partitions) {
        return offsets.fetch(groupId, partitions);
    }

    @Override
    public void reset(String groupId, Map<TopicPartition, Long> newOffsets) {
        offsets.reset(groupId, newOffsets);
    }

    @Override
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

    @Override
    public List<GroupSummary> listGroups() {
        List<GroupSummary> result = new ArrayList<>();
        for (GroupMetadata group : groups.all()) {
            result.add(describe(group));
        }
        result.removeIf(g -> g.state() == GroupState.DEAD);
        result.sort(Comparator.comparing(GroupSummary::groupId));
        return result;
    }

    @Override
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

    @Override
    public Map<GroupState, Integer> countByState() {
        Map<GroupState, Integer> counts = new EnumMap<>(GroupState.class);
        for (GroupMetadata group : groups.all()) {
            synchronized (group) {
                counts.merge(group.state(), 1, Integer::sum);
            }
        }
        return counts;
    }

    @Override
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
