package io.karst.group.coordinator.internal;

import io.karst.api.TopicPartition;
import io.karst.api.group.CommittedOffset;
import io.karst.api.group.GroupState;
import io.karst.api.group.MemberProtocol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * One classic group: state, generation, chosen protocol, leader, members, members that were given
 * an id but have not joined with it yet, and committed offsets. Not thread-safe: callers hold the
 * group's monitor ({@code synchronized (group)}).
 */
final class GroupMetadata {
    private final String groupId;
    private GroupState state = GroupState.EMPTY;
    private long stateTimestamp;
    private String protocolType;
    private String protocolName;
    private int generationId;
    private String leaderId;
    private final Map<String, MemberMetadata> members = new LinkedHashMap<>();
    /** Member ids handed out with MEMBER_ID_REQUIRED, with the time by which they must join. */
    private final Map<String, Long> pendingMembers = new HashMap<>();
    private final Map<TopicPartition, CommittedOffset> offsets = new HashMap<>();
    /** Whether a member joined during the current initial rebalance delay. */
    private boolean newMemberAdded;
    private boolean initialDelay;
    /** Counts join phases, so that a timer of an earlier phase does nothing. */
    private long joinPhase;
    private Future<?> joinTimer;

    GroupMetadata(String groupId, long now) {
        this.groupId = groupId;
        this.stateTimestamp = now;
    }

    String groupId() {
        return groupId;
    }

    GroupState state() {
        return state;
    }

    boolean is(GroupState s) {
        return state == s;
    }

    long stateTimestamp() {
        return stateTimestamp;
    }

    void transitionTo(GroupState next, long now) {
        state = next;
        stateTimestamp = now;
    }

    String protocolType() {
        return protocolType;
    }

    String protocolName() {
        return protocolName;
    }

    int generationId() {
        return generationId;
    }

    String leaderId() {
        return leaderId;
    }

    /** Restores what the offsets log recorded (at load). */
    void restore(String protocolType, String protocolName, int generationId, String leaderId) {
        this.protocolType = protocolType;
        this.protocolName = protocolName;
        this.generationId = generationId;
        this.leaderId = leaderId;
    }

    // --- members

    MemberMetadata member(String memberId) {
        return members.get(memberId);
    }

    Collection<MemberMetadata> members() {
        return members.values();
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    void add(MemberMetadata member) {
        if (members.isEmpty()) {
            protocolType = member.protocolType();
        }
        members.put(member.memberId(), member);
        pendingMembers.remove(member.memberId());
        if (leaderId == null) {
            leaderId = member.memberId();
        }
    }

    void remove(String memberId) {
        members.remove(memberId);
        if (memberId.equals(leaderId)) {
            leaderId = members.isEmpty() ? null : members.keySet().iterator().next();
        }
    }

    /** The member with static instance id {@code instanceId}, or null (always for a null id). */
    MemberMetadata staticMember(String instanceId) {
        if (instanceId == null) {
            return null;
        }
        for (MemberMetadata m : members.values()) {
            if (instanceId.equals(m.groupInstanceId())) {
                return m;
            }
        }
        return null;
    }

    /** Whether {@code instanceId} belongs to a member other than {@code memberId}, which is thus fenced (KIP-345). */
    boolean isFenced(String instanceId, String memberId) {
        MemberMetadata current = staticMember(instanceId);
        return current != null && !current.memberId().equals(memberId);
    }

    /** Puts {@code replacement} where {@code replaced} was, as leader if it was the leader. */
    void replace(MemberMetadata replaced, MemberMetadata replacement) {
        members.remove(replaced.memberId());
        members.put(replacement.memberId(), replacement);
        if (replaced.memberId().equals(leaderId)) {
            leaderId = replacement.memberId();
        }
    }

    boolean isPending(String memberId) {
        return pendingMembers.containsKey(memberId);
    }

    void addPending(String memberId, long deadline) {
        pendingMembers.put(memberId, deadline);
    }

    /** Forgets a pending member; returns whether it was pending. */
    boolean removePending(String memberId) {
        return pendingMembers.remove(memberId) != null;
    }

    Long pendingDeadline(String memberId) {
        return pendingMembers.get(memberId);
    }

    /** Whether every member has rejoined and no handed-out id is still to join. */
    boolean hasAllMembersJoined() {
        return pendingMembers.isEmpty() && members.values().stream().allMatch(MemberMetadata::isAwaitingJoin);
    }

    int maxRebalanceTimeoutMs() {
        return members.values().stream().mapToInt(MemberMetadata::rebalanceTimeoutMs).max().orElse(0);
    }

    /**
     * Whether member {@code memberId} of {@code type}, supporting {@code protocols}, may be in the group:
     * a non-empty type and protocol list, and, when other members exist, their protocol type and at
     * least one protocol they all support too.
     */
    boolean supports(String type, List<MemberProtocol> protocols, String memberId) {
        if (type.isEmpty() || protocols.isEmpty()) {
            return false;
        }
        List<MemberMetadata> others = members.values().stream().filter(m -> !m.memberId().equals(memberId)).toList();
        if (others.isEmpty()) {
            return true;
        }
        if (!type.equals(protocolType)) {
            return false;
        }
        for (MemberProtocol p : protocols) {
            if (others.stream().allMatch(m -> m.metadata(p.name()) != null)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The protocol for the next generation: among those every member supports, the one most members
     * rank first among them; ties go to the leader's preference.
     */
    String selectProtocol() {
        Set<String> candidates = new LinkedHashSet<>();
        MemberMetadata first = members.containsKey(leaderId) ? members.get(leaderId) : members.values().iterator().next();
        for (MemberProtocol p : first.protocols()) {
            if (members.values().stream().allMatch(m -> m.metadata(p.name()) != null)) {
                candidates.add(p.name());
            }
        }
        Map<String, Integer> votes = new HashMap<>();
        for (MemberMetadata m : members.values()) {
            for (MemberProtocol p : m.protocols()) {
                if (candidates.contains(p.name())) {
                    votes.merge(p.name(), 1, Integer::sum);
                    break;
                }
            }
        }
        String chosen = null;
        for (String candidate : candidates) {
            if (chosen == null || votes.getOrDefault(candidate, 0) > votes.getOrDefault(chosen, 0)) {
                chosen = candidate;
            }
        }
        return chosen;
    }

    /** Starts the next generation: CompletingRebalance with a chosen protocol, or Empty without members. */
    void initNextGeneration(long now) {
        generationId++;
        if (members.isEmpty()) {
            protocolName = null;
            leaderId = null;
            transitionTo(GroupState.EMPTY, now);
        } else {
            if (!members.containsKey(leaderId)) {
                leaderId = members.keySet().iterator().next();
            }
            protocolName = selectProtocol();
            transitionTo(GroupState.COMPLETING_REBALANCE, now);
        }
    }

    List<MemberMetadata> membersNotRejoined() {
        List<MemberMetadata> result = new ArrayList<>();
        for (MemberMetadata m : members.values()) {
            if (!m.isAwaitingJoin()) {
                result.add(m);
            }
        }
        return result;
    }

    // --- join phase

    /** Whether the group is waiting out {@code group.initial.rebalance.delay.ms}: joins do not end the phase. */
    boolean inInitialDelay() {
        return initialDelay;
    }

    void setInitialDelay(boolean initialDelay) {
        this.initialDelay = initialDelay;
    }

    boolean newMemberAdded() {
        return newMemberAdded;
    }

    void setNewMemberAdded(boolean added) {
        this.newMemberAdded = added;
    }

    long joinPhase() {
        return joinPhase;
    }

    /** Begins a new join phase, cancelling the timer of the previous one; returns its number. */
    long nextJoinPhase() {
        cancelJoinTimer();
        return ++joinPhase;
    }

    void setJoinTimer(Future<?> timer) {
        this.joinTimer = timer;
    }

    void cancelJoinTimer() {
        if (joinTimer != null) {
            joinTimer.cancel(false);
            joinTimer = null;
        }
    }

    // --- offsets

    Map<TopicPartition, CommittedOffset> offsets() {
        return offsets;
    }

    CommittedOffset offset(TopicPartition tp) {
        return offsets.get(tp);
    }
}
