package io.karst.group.coordinator.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.coordinator.InternalTopics;
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
import io.karst.group.coordinator.internal.runtime.CoordinatorRuntime;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The group coordinator as the broker holds it: membership ({@link GroupCoordinator}), committed
 * offsets ({@link OffsetManager}) and what the groups look like from outside, over the groups of
 * the {@code __consumer_offsets} partitions this broker leads, each partition a shard of the
 * {@link CoordinatorRuntime}. A group of a partition led elsewhere gets NOT_COORDINATOR, one of a
 * partition still loading COORDINATOR_LOAD_IN_PROGRESS: in the result where it has an error, thrown as a
 * {@link KarstException} where it has not (fetch, describe, list, reset).
 */
public final class GroupCoordinatorService implements GroupService, AutoCloseable {
    /** Kafka's name of the topic. */
    public static final String TOPIC = "__consumer_offsets";
    /** Kafka's settings of the topic: compacted, 100 MiB segments ({@code offsets.topic.segment.bytes}). */
    private static final Map<String, String> TOPIC_CONFIGS = Map.of("cleanup.policy", "compact",
            "segment.bytes", "104857600");
    /** How long FindCoordinator waits for the partitions of a just-created topic to load. */
    private static final long FIND_COORDINATOR_LOAD_MS = 5_000;

    private final CoordinatorRuntime<GroupShard> runtime;
    private final GroupRegistry groups;
    private final GroupCoordinator membership;
    private final OffsetManager offsets;
    private final GroupTimer timer;
    private final long retentionCheckIntervalMs;
    private final Clock clock;

    /**
     * The coordinator over {@code topics}, started: the bundle's plain-Java entry point (the OSGi
     * component, the test kit). The caller closes it.
     */
    public static GroupCoordinatorService open(GroupCoordinatorConfig config, InternalTopics topics) {
        GroupCoordinatorService service = new GroupCoordinatorService(config, topics, Clock.systemUTC());
        service.start();
        return service;
    }

    /** A coordinator over {@code topics}; {@link #start} makes it follow the partitions led here. */
    public GroupCoordinatorService(GroupCoordinatorConfig config, InternalTopics topics, Clock clock) {
        this(config, topics, clock, new ExecutorGroupTimer());
    }

    /** A coordinator whose delayed work runs on {@code timer}, which it closes when closed. */
    GroupCoordinatorService(GroupCoordinatorConfig config, InternalTopics topics, Clock clock, GroupTimer timer) {
        this.clock = clock;
        this.timer = timer;
        this.retentionCheckIntervalMs = config.retentionCheckIntervalMs();
        this.runtime = new CoordinatorRuntime<>(TOPIC, config.offsetsTopicNumPartitions(), TOPIC_CONFIGS, topics,
                this::newShard);
        this.groups = new GroupRegistry(runtime);
        GroupMetadataStore store = new GroupMetadataStore(runtime, clock);
        this.membership = new GroupCoordinator(config, groups, store, clock, timer);
        this.offsets = new OffsetManager(config, groups, store, clock);
    }

    private GroupShard newShard(int partition) {
        return new GroupShard(partition, membership, clock);
    }

    /**
     * Loads the partitions of {@code __consumer_offsets} led here, now and whenever leadership comes, and
     * checks for expired offsets every {@code offsets.retention.check.interval.ms}.
     */
    public void start() {
        runtime.start();
        timer.schedule(this::expireOffsets, retentionCheckIntervalMs);
    }

    private void expireOffsets() {
        try {
            offsets.expireOffsets();
        } finally {
            timer.schedule(this::expireOffsets, retentionCheckIntervalMs);
        }
    }

    @Override
    public void topicDeleted(String topic) {
        offsets.topicDeleted(topic);
    }

    /** Membership itself, with its futures, for the tests in this package. */
    GroupCoordinator membership() {
        return membership;
    }

    /** Committed offsets, for the tests in this package. */
    OffsetManager offsets() {
        return offsets;
    }

    @Override
    public CompletionStage<JoinResult> joinGroup(JoinRequest request) {
        try {
            return membership.joinGroup(request);
        } catch (KarstException e) {
            return CompletableFuture.completedFuture(JoinResult.error(e.error(), request.memberId()));
        }
    }

    @Override
    public CompletionStage<SyncResult> syncGroup(String groupId, int generationId, String memberId,
                                                 String groupInstanceId, Map<String, byte[]> assignments) {
        try {
            return membership.syncGroup(groupId, generationId, memberId, groupInstanceId, assignments);
        } catch (KarstException e) {
            return CompletableFuture.completedFuture(SyncResult.error(e.error()));
        }
    }

    @Override
    public Errors heartbeat(String groupId, int generationId, String memberId, String groupInstanceId) {
        try {
            return membership.heartbeat(groupId, generationId, memberId, groupInstanceId);
        } catch (KarstException e) {
            return e.error();
        }
    }

    @Override
    public LeaveResult leaveGroup(String groupId, List<LeavingMember> leaving) {
        try {
            return membership.leaveGroup(groupId, leaving);
        } catch (KarstException e) {
            return new LeaveResult(e.error(), List.of());
        }
    }

    @Override
    public Map<TopicPartition, Errors> commit(String groupId, int generationId, String memberId,
                                              String groupInstanceId, Map<TopicPartition, OffsetCommit> commits) {
        try {
            return offsets.commit(groupId, generationId, memberId, groupInstanceId, commits);
        } catch (KarstException e) {
            Map<TopicPartition, Errors> refused = new LinkedHashMap<>();
            commits.keySet().forEach(tp -> refused.put(tp, e.error()));
            return refused;
        }
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
        runtime.ensureTopic(FIND_COORDINATOR_LOAD_MS);
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

    /** Drops every shard (waiting members get NOT_COORDINATOR) and stops the timers. */
    @Override
    public void close() {
        runtime.close();
        membership.close();
    }
}
