package io.karst.group.coordinator.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.group.GroupState;
import io.karst.api.group.JoinRequest;
import io.karst.api.group.JoinResult;
import io.karst.api.group.LeaveResult;
import io.karst.api.group.LeavingMember;
import io.karst.api.group.SyncResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The classic group membership protocol, as Kafka's coordinator runs it: JoinGroup, SyncGroup,
 * Heartbeat and LeaveGroup drive each group through Empty, PreparingRebalance, CompletingRebalance
 * and Stable. JoinGroup and SyncGroup answers are futures completed when the join phase ends or
 * the leader's assignment arrives; no thread waits for them. A {@link GroupTimer} ends join phases
 * (rebalance timeout, initial rebalance delay) and expires members whose session ran out.
 * Every group is guarded by its own monitor.
 */
public final class GroupCoordinator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCoordinator.class);

    private final GroupCoordinatorConfig config;
    private final GroupRegistry groups;
    private final GroupMetadataStore store;
    private final Clock clock;
    private final GroupTimer timer;

    GroupCoordinator(GroupCoordinatorConfig config, GroupRegistry groups, GroupMetadataStore store, Clock clock,
                     GroupTimer timer) {
        this.config = config;
        this.groups = groups;
        this.store = store;
        this.clock = clock;
        this.timer = timer;
    }

    // ---------------------------------------------------------------- JoinGroup

    public CompletableFuture<JoinResult> joinGroup(JoinRequest request) {
        String memberId = request.memberId();
        if (request.groupId() == null || request.groupId().isEmpty()) {
            return done(JoinResult.error(Errors.INVALID_GROUP_ID, memberId));
        }
        if (request.sessionTimeoutMs() < config.minSessionTimeoutMs()
                || request.sessionTimeoutMs() > config.maxSessionTimeoutMs()) {
            return done(JoinResult.error(Errors.INVALID_SESSION_TIMEOUT, memberId));
        }
        boolean firstJoin = memberId.isEmpty();
        GroupMetadata group = firstJoin ? groups.getOrCreate(request.groupId(), now()) : groups.get(request.groupId());
        if (group == null) {
            return done(JoinResult.error(Errors.UNKNOWN_MEMBER_ID, memberId));
        }
        CompletableFuture<JoinResult> answer = new CompletableFuture<>();
        synchronized (group) {
            if (group.is(GroupState.DEAD)) {
                // removed meanwhile; the client finds the coordinator again and retries
                answer.complete(JoinResult.error(Errors.COORDINATOR_NOT_AVAILABLE, memberId));
            } else if (!group.supports(request.protocolType(), request.protocols(), memberId)) {
                answer.complete(JoinResult.error(Errors.INCONSISTENT_GROUP_PROTOCOL, memberId));
            } else if (firstJoin) {
                joinNewMember(group, request, answer);
            } else {
                joinKnownMember(group, request, answer);
            }
            tryCompleteJoin(group);
        }
        return answer;
    }

    private void joinNewMember(GroupMetadata group, JoinRequest request, CompletableFuture<JoinResult> answer) {
        String instanceId = request.groupInstanceId();
        String newMemberId = (instanceId == null ? request.clientId() : instanceId) + "-" + UUID.randomUUID();
        MemberMetadata previous = group.staticMember(instanceId);
        if (previous != null) {
            replaceStaticMember(group, previous, newMemberId, request, answer);
            return;
        }
        if (request.requireKnownMemberId()) {
            long deadline = now() + request.sessionTimeoutMs();
            group.addPending(newMemberId, deadline);
            timer.schedule(() -> expirePending(group, newMemberId), request.sessionTimeoutMs());
            answer.complete(JoinResult.error(Errors.MEMBER_ID_REQUIRED, newMemberId));
            return;
        }
        addMemberAndRebalance(group, newMemberId, request, answer);
    }

    private void joinKnownMember(GroupMetadata group, JoinRequest request, CompletableFuture<JoinResult> answer) {
        String memberId = request.memberId();
        if (group.isPending(memberId)) {
            addMemberAndRebalance(group, memberId, request, answer);
            return;
        }
        if (group.isFenced(request.groupInstanceId(), memberId)) {
            answer.complete(JoinResult.error(Errors.FENCED_INSTANCE_ID, memberId));
            return;
        }
        MemberMetadata member = group.member(memberId);
        if (member == null || (request.groupInstanceId() != null && group.staticMember(request.groupInstanceId()) == null)) {
            answer.complete(JoinResult.error(Errors.UNKNOWN_MEMBER_ID, memberId));
            return;
        }
        switch (group.state()) {
            case PREPARING_REBALANCE -> updateMemberAndRebalance(group, member, request, answer);
            case COMPLETING_REBALANCE -> {
                if (member.hasProtocols(request.protocols())) {
                    // the member missed the answer of the join it already made: repeat it
                    answer.complete(joinResult(group, member));
                } else {
                    updateMemberAndRebalance(group, member, request, answer);
                }
            }
            case STABLE -> {
                if (memberId.equals(group.leaderId()) || !member.hasProtocols(request.protocols())) {
                    updateMemberAndRebalance(group, member, request, answer);
                } else {
                    member.heartbeatReceived(now());
                    answer.complete(joinResult(group, member));
                }
            }
            case EMPTY, DEAD -> answer.complete(JoinResult.error(Errors.UNKNOWN_MEMBER_ID, memberId));
        }
    }

    private void addMemberAndRebalance(GroupMetadata group, String memberId, JoinRequest request,
                                       CompletableFuture<JoinResult> answer) {
        MemberMetadata member = newMember(memberId, request);
        member.awaitJoin(answer);
        member.heartbeatReceived(now());
        group.add(member);
        if (group.is(GroupState.PREPARING_REBALANCE)) {
            group.setNewMemberAdded(true);
        }
        scheduleExpiry(group, member);
        LOG.info("Member {} joins group {} ({})", memberId, group.groupId(), group.state().kafkaName());
        maybePrepareRebalance(group, "member " + memberId + " joined");
    }

    /**
     * KIP-345: a static member restarted, so its instance id is known and its member id is not. The
     * new incarnation takes the old one's place and assignment, and the old member id is fenced from
     * now on. A Stable group whose protocol stays the same hands it the current generation without a
     * rebalance; in other states it joins the rebalance.
     */
    private void replaceStaticMember(GroupMetadata group, MemberMetadata previous, String newMemberId,
                                     JoinRequest request, CompletableFuture<JoinResult> answer) {
        String leaderBefore = group.leaderId();
        MemberMetadata member = newMember(newMemberId, request);
        member.setAssignment(previous.assignment());
        previous.completeJoin(JoinResult.error(Errors.FENCED_INSTANCE_ID, previous.memberId()));
        previous.completeSync(SyncResult.error(Errors.FENCED_INSTANCE_ID));
        group.replace(previous, member);
        member.heartbeatReceived(now());
        scheduleExpiry(group, member);
        LOG.info("Static member {} of group {} rejoins as {} ({}), replacing {}", request.groupInstanceId(),
                group.groupId(), newMemberId, group.state().kafkaName(), previous.memberId());
        switch (group.state()) {
            case STABLE -> {
                if (!group.protocolName().equals(group.selectProtocol())) {
                    member.awaitJoin(answer);
                    prepareRebalance(group, "static member " + newMemberId + " changes the group's protocol");
                    return;
                }
                try {
                    store.storeGroup(group);
                } catch (IOException | KarstException e) {
                    LOG.warn("Cannot store the new member id of static member {} of group {}; keeping {}",
                            request.groupInstanceId(), group.groupId(), previous.memberId(), e);
                    group.replace(member, previous);
                    answer.complete(JoinResult.error(Errors.COORDINATOR_NOT_AVAILABLE, ""));
                    return;
                }
                // As Kafka does before JoinGroup v9: the answer names the leader as it was, so a restarted
                // leader sees itself as a follower and does not compute an assignment the Stable group
                // would not hand out.
                answer.complete(new JoinResult(Errors.NONE, newMemberId, group.generationId(), group.protocolName(),
                        leaderBefore, List.of()));
            }
            case COMPLETING_REBALANCE -> {
                // the leader may be assigning to the old member id: rebalance so that the new one gets a part
                member.awaitJoin(answer);
                prepareRebalance(group, "static member " + newMemberId + " replaced " + previous.memberId());
            }
            case PREPARING_REBALANCE -> member.awaitJoin(answer);
            case EMPTY, DEAD -> throw new IllegalStateException("Group " + group.groupId() + " has member "
                    + previous.memberId() + " in state " + group.state().kafkaName());
        }
    }

    private static MemberMetadata newMember(String memberId, JoinRequest request) {
        return new MemberMetadata(memberId, request.groupInstanceId(), request.clientId(), request.clientHost(),
                request.effectiveRebalanceTimeoutMs(), request.sessionTimeoutMs(), request.protocolType(),
                request.protocols());
    }

    private void updateMemberAndRebalance(GroupMetadata group, MemberMetadata member, JoinRequest request,
                                          CompletableFuture<JoinResult> answer) {
        member.update(request.effectiveRebalanceTimeoutMs(), request.sessionTimeoutMs(), request.protocolType(), request.protocols());
        // a join repeated on a new connection replaces the earlier one, which nobody waits for any more
        member.completeJoin(JoinResult.error(Errors.REBALANCE_IN_PROGRESS, member.memberId()));
        member.awaitJoin(answer);
        member.heartbeatReceived(now());
        maybePrepareRebalance(group, "member " + member.memberId() + " rejoined");
    }

    // ---------------------------------------------------------------- SyncGroup

    public CompletableFuture<SyncResult> syncGroup(String groupId, int generationId, String memberId,
                                                   String groupInstanceId, Map<String, byte[]> assignments) {
        GroupMetadata group = groups.get(groupId);
        if (group == null) {
            return done(SyncResult.error(Errors.UNKNOWN_MEMBER_ID));
        }
        CompletableFuture<SyncResult> answer = new CompletableFuture<>();
        synchronized (group) {
            MemberMetadata member = group.member(memberId);
            if (group.is(GroupState.DEAD)) {
                answer.complete(SyncResult.error(Errors.COORDINATOR_NOT_AVAILABLE));
            } else if (group.isFenced(groupInstanceId, memberId)) {
                answer.complete(SyncResult.error(Errors.FENCED_INSTANCE_ID));
            } else if (member == null) {
                answer.complete(SyncResult.error(Errors.UNKNOWN_MEMBER_ID));
            } else if (generationId != group.generationId()) {
                answer.complete(SyncResult.error(Errors.ILLEGAL_GENERATION));
            } else {
                member.heartbeatReceived(now());
                switch (group.state()) {
                    case EMPTY, DEAD -> answer.complete(SyncResult.error(Errors.UNKNOWN_MEMBER_ID));
                    case PREPARING_REBALANCE -> answer.complete(SyncResult.error(Errors.REBALANCE_IN_PROGRESS));
                    case STABLE -> answer.complete(new SyncResult(Errors.NONE, member.assignment()));
                    case COMPLETING_REBALANCE -> {
                        member.awaitSync(answer);
                        if (memberId.equals(group.leaderId())) {
                            completeRebalance(group, assignments);
                        }
                    }
                }
            }
        }
        return answer;
    }

    /** The leader's assignment arrived: store it, hand each waiting member its part, and become Stable. */
    private void completeRebalance(GroupMetadata group, Map<String, byte[]> assignments) {
        for (MemberMetadata m : group.members()) {
            m.setAssignment(assignments.get(m.memberId()));
        }
        try {
            store.storeGroup(group);
        } catch (IOException | KarstException e) {
            LOG.warn("Cannot store the assignment of group {}; rebalancing again", group.groupId(), e);
            resetAssignments(group, Errors.COORDINATOR_NOT_AVAILABLE);
            maybePrepareRebalance(group, "its assignment could not be stored");
            return;
        }
        for (MemberMetadata m : group.members()) {
            m.completeSync(new SyncResult(Errors.NONE, m.assignment()));
        }
        group.transitionTo(GroupState.STABLE, now());
        LOG.info("Group {} is Stable at generation {} with {} members", group.groupId(), group.generationId(),
                group.members().size());
    }

    /** Clears every assignment and fails every waiting SyncGroup with {@code error}. */
    private static void resetAssignments(GroupMetadata group, Errors error) {
        for (MemberMetadata m : group.members()) {
            m.setAssignment(null);
            m.completeSync(SyncResult.error(error));
        }
    }

    // ---------------------------------------------------------------- Heartbeat, LeaveGroup

    public Errors heartbeat(String groupId, int generationId, String memberId, String groupInstanceId) {
        GroupMetadata group = groups.get(groupId);
        if (group == null) {
            return Errors.UNKNOWN_MEMBER_ID;
        }
        synchronized (group) {
            MemberMetadata member = group.member(memberId);
            if (group.is(GroupState.DEAD)) {
                return Errors.COORDINATOR_NOT_AVAILABLE;
            }
            if (group.isFenced(groupInstanceId, memberId)) {
                return Errors.FENCED_INSTANCE_ID;
            }
            if (member == null || group.is(GroupState.EMPTY)) {
                return Errors.UNKNOWN_MEMBER_ID;
            }
            if (generationId != group.generationId()) {
                return Errors.ILLEGAL_GENERATION;
            }
            member.heartbeatReceived(now());
            return group.is(GroupState.PREPARING_REBALANCE) ? Errors.REBALANCE_IN_PROGRESS : Errors.NONE;
        }
    }

    /**
     * LeaveGroup: each named member leaves at once (v3+ may name several, and an admin may name a static
     * member by its instance id alone); the others rebalance without waiting for its session to end.
     */
    public LeaveResult leaveGroup(String groupId, List<LeavingMember> leaving) {
        GroupMetadata group = groups.get(groupId);
        if (group == null) {
            return new LeaveResult(Errors.NONE, leaving.stream().map(m -> Errors.UNKNOWN_MEMBER_ID).toList());
        }
        synchronized (group) {
            if (group.is(GroupState.DEAD)) {
                return new LeaveResult(Errors.COORDINATOR_NOT_AVAILABLE, List.of());
            }
            List<Errors> errors = new ArrayList<>();
            for (LeavingMember m : leaving) {
                errors.add(leave(group, m));
            }
            return new LeaveResult(Errors.NONE, errors);
        }
    }

    private Errors leave(GroupMetadata group, LeavingMember leaving) {
        String memberId = leaving.memberId();
        if (memberId.isEmpty()) {
            MemberMetadata member = group.staticMember(leaving.groupInstanceId());
            if (member == null) {
                return Errors.UNKNOWN_MEMBER_ID;
            }
            removeMemberAndUpdateGroup(group, member, "was removed by its instance id from");
            return Errors.NONE;
        }
        if (group.removePending(memberId)) {
            tryCompleteJoin(group);
            return Errors.NONE;
        }
        if (group.isFenced(leaving.groupInstanceId(), memberId)) {
            return Errors.FENCED_INSTANCE_ID;
        }
        MemberMetadata member = group.member(memberId);
        if (member == null) {
            return Errors.UNKNOWN_MEMBER_ID;
        }
        removeMemberAndUpdateGroup(group, member, "left");
        return Errors.NONE;
    }

    private void removeMemberAndUpdateGroup(GroupMetadata group, MemberMetadata member, String why) {
        LOG.info("Member {} {} group {} ({})", member.memberId(), why, group.groupId(), group.state().kafkaName());
        member.completeJoin(JoinResult.error(Errors.UNKNOWN_MEMBER_ID, member.memberId()));
        member.completeSync(SyncResult.error(Errors.UNKNOWN_MEMBER_ID));
        group.remove(member.memberId());
        switch (group.state()) {
            case STABLE, COMPLETING_REBALANCE -> {
                maybePrepareRebalance(group, "member " + member.memberId() + " " + why);
                tryCompleteJoin(group);
            }
            case PREPARING_REBALANCE -> tryCompleteJoin(group);
            case EMPTY, DEAD -> { }
        }
    }

    // ---------------------------------------------------------------- the join phase

    private void maybePrepareRebalance(GroupMetadata group, String reason) {
        if (group.is(GroupState.STABLE) || group.is(GroupState.COMPLETING_REBALANCE) || group.is(GroupState.EMPTY)) {
            prepareRebalance(group, reason);
        }
    }

    private void prepareRebalance(GroupMetadata group, String reason) {
        if (group.is(GroupState.COMPLETING_REBALANCE)) {
            resetAssignments(group, Errors.REBALANCE_IN_PROGRESS);
        }
        boolean fromEmpty = group.is(GroupState.EMPTY);
        group.transitionTo(GroupState.PREPARING_REBALANCE, now());
        long phase = group.nextJoinPhase();
        LOG.info("Preparing to rebalance group {} at generation {}: {}", group.groupId(), group.generationId(), reason);
        if (fromEmpty && config.initialRebalanceDelayMs() > 0) {
            // an empty group waits for more members before the first generation (Kafka's InitialDelayedJoin)
            int delay = config.initialRebalanceDelayMs();
            group.setNewMemberAdded(false);
            scheduleInitialDelay(group, phase, delay, Math.max(group.maxRebalanceTimeoutMs() - delay, 0));
        } else {
            group.setJoinTimer(timer.schedule(() -> onJoinTimeout(group, phase), group.maxRebalanceTimeoutMs()));
        }
    }

    private void scheduleInitialDelay(GroupMetadata group, long phase, int delay, int remaining) {
        group.setInitialDelay(true);
        group.setJoinTimer(timer.schedule(() -> {
            synchronized (group) {
                if (group.joinPhase() != phase || !group.is(GroupState.PREPARING_REBALANCE)) {
                    return;
                }
                if (group.newMemberAdded() && remaining > 0) {
                    group.setNewMemberAdded(false);
                    int next = Math.min(config.initialRebalanceDelayMs(), remaining);
                    scheduleInitialDelay(group, phase, next, Math.max(remaining - next, 0));
                } else {
                    completeJoin(group);
                }
            }
        }, delay));
    }

    private void onJoinTimeout(GroupMetadata group, long phase) {
        synchronized (group) {
            if (group.joinPhase() == phase && group.is(GroupState.PREPARING_REBALANCE)) {
                completeJoin(group);
            }
        }
    }

    private void tryCompleteJoin(GroupMetadata group) {
        if (group.is(GroupState.PREPARING_REBALANCE) && !group.inInitialDelay() && group.hasAllMembersJoined()) {
            completeJoin(group);
        }
    }

    /**
     * Ends the join phase: members that did not rejoin are removed, the next generation starts, and
     * every waiting JoinGroup is answered (the leader with all members' metadata).
     */
    private void completeJoin(GroupMetadata group) {
        group.cancelJoinTimer();
        group.setInitialDelay(false);
        for (MemberMetadata m : group.membersNotRejoined()) {
            LOG.info("Member {} did not rejoin group {} in time; removing it", m.memberId(), group.groupId());
            group.remove(m.memberId());
        }
        group.initNextGeneration(now());
        if (group.is(GroupState.EMPTY)) {
            LOG.info("Group {} is Empty at generation {}", group.groupId(), group.generationId());
            try {
                store.storeGroup(group);
            } catch (IOException | KarstException e) {
                LOG.warn("Cannot store the empty generation of group {}", group.groupId(), e);
            }
            return;
        }
        LOG.info("Group {} starts generation {} with protocol {} and {} members", group.groupId(),
                group.generationId(), group.protocolName(), group.members().size());
        for (MemberMetadata m : group.members()) {
            m.completeJoin(joinResult(group, m));
            m.heartbeatReceived(now());
            scheduleExpiry(group, m);
        }
    }

    private static JoinResult joinResult(GroupMetadata group, MemberMetadata member) {
        List<JoinResult.JoinedMember> members = new ArrayList<>();
        if (member.memberId().equals(group.leaderId())) {
            for (MemberMetadata m : group.members()) {
                members.add(new JoinResult.JoinedMember(m.memberId(), m.groupInstanceId(),
                        m.metadata(group.protocolName())));
            }
        }
        return new JoinResult(Errors.NONE, member.memberId(), group.generationId(), group.protocolName(),
                group.leaderId(), members);
    }

    // ---------------------------------------------------------------- session expiry

    /** Schedules the member's session check unless one is pending; the check reschedules itself. */
    private void scheduleExpiry(GroupMetadata group, MemberMetadata member) {
        if (member.expiryScheduled()) {
            return;
        }
        member.setExpiryScheduled(true);
        long delay = Math.max(0, member.heartbeatDeadline() - now());
        timer.schedule(() -> checkExpiry(group, member), delay);
    }

    private void checkExpiry(GroupMetadata group, MemberMetadata member) {
        synchronized (group) {
            member.setExpiryScheduled(false);
            if (group.is(GroupState.DEAD) || group.member(member.memberId()) != member) {
                return;
            }
            long now = now();
            if (member.keptAlive()) {
                member.heartbeatReceived(now);
            } else if (now >= member.heartbeatDeadline()) {
                removeMemberAndUpdateGroup(group, member, "timed out of its session in");
                return;
            }
            scheduleExpiry(group, member);
        }
    }

    private void expirePending(GroupMetadata group, String memberId) {
        synchronized (group) {
            Long deadline = group.pendingDeadline(memberId);
            if (deadline != null && now() >= deadline) {
                group.removePending(memberId);
                LOG.info("Pending member {} of group {} did not join in time", memberId, group.groupId());
                tryCompleteJoin(group);
            }
        }
    }

    // ---------------------------------------------------------------- lifecycle

    /** Starts the sessions of a group read from the offsets log; its members live until they run out. */
    void resume(GroupMetadata group) {
        synchronized (group) {
            for (MemberMetadata m : group.members()) {
                m.heartbeatReceived(now());
                scheduleExpiry(group, m);
            }
        }
    }

    /**
     * Lets go of groups whose partition this broker no longer coordinates: every waiting JoinGroup and
     * SyncGroup gets NOT_COORDINATOR, and the groups are Dead, so their timers do nothing more.
     */
    void unload(Collection<GroupMetadata> unloaded) {
        long now = now();
        for (GroupMetadata group : unloaded) {
            synchronized (group) {
                group.cancelJoinTimer();
                for (MemberMetadata m : group.members()) {
                    m.completeJoin(JoinResult.error(Errors.NOT_COORDINATOR, m.memberId()));
                    m.completeSync(SyncResult.error(Errors.NOT_COORDINATOR));
                }
                group.transitionTo(GroupState.DEAD, now);
            }
        }
    }

    /** Stops the timer. */
    @Override
    public void close() {
        timer.close();
    }

    private long now() {
        return clock.millis();
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
