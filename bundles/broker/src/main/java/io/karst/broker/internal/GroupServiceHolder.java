package io.karst.broker.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The group coordinator of the moment, which may come and go while the broker runs (its bundle
 * stopped, updated or swapped). While none is bound every group API gets the retriable
 * COORDINATOR_NOT_AVAILABLE, so clients look for the coordinator again until one is back, and the
 * console gets the same error with its message.
 */
final class GroupServiceHolder implements GroupService {
    private static final Logger LOG = LoggerFactory.getLogger(GroupServiceHolder.class);
    private static final Errors ABSENT = Errors.COORDINATOR_NOT_AVAILABLE;

    private volatile GroupService current;

    /** Makes {@code service} the one in use; under the lock, so a late unbind of the old one cannot undo it. */
    synchronized void bind(GroupService service) {
        current = service;
    }

    /** Forgets {@code service} if it is the one in use. */
    synchronized void unbind(GroupService service) {
        if (current == service) {
            current = null;
        }
    }

    private GroupService required() {
        GroupService service = current;
        if (service == null) {
            throw absent();
        }
        return service;
    }

    private static KarstException absent() {
        return new KarstException(ABSENT, "no group coordinator is running");
    }

    @Override
    public CompletionStage<JoinResult> joinGroup(JoinRequest request) {
        GroupService service = current;
        return service != null ? service.joinGroup(request)
                : CompletableFuture.completedFuture(JoinResult.error(ABSENT, request.memberId()));
    }

    @Override
    public CompletionStage<SyncResult> syncGroup(String groupId, int generationId, String memberId,
                                                 String groupInstanceId, Map<String, byte[]> assignments) {
        GroupService service = current;
        return service != null ? service.syncGroup(groupId, generationId, memberId, groupInstanceId, assignments)
                : CompletableFuture.completedFuture(SyncResult.error(ABSENT));
    }

    @Override
    public Errors heartbeat(String groupId, int generationId, String memberId, String groupInstanceId) {
        GroupService service = current;
        return service != null ? service.heartbeat(groupId, generationId, memberId, groupInstanceId) : ABSENT;
    }

    @Override
    public LeaveResult leaveGroup(String groupId, List<LeavingMember> leaving) {
        GroupService service = current;
        return service != null ? service.leaveGroup(groupId, leaving) : new LeaveResult(ABSENT, List.of());
    }

    @Override
    public Map<TopicPartition, Errors> commit(String groupId, int generationId, String memberId,
                                              String groupInstanceId, Map<TopicPartition, OffsetCommit> offsets) {
        GroupService service = current;
        if (service != null) {
            return service.commit(groupId, generationId, memberId, groupInstanceId, offsets);
        }
        Map<TopicPartition, Errors> refused = new LinkedHashMap<>();
        offsets.keySet().forEach(tp -> refused.put(tp, ABSENT));
        return refused;
    }

    @Override
    public Map<TopicPartition, CommittedOffset> fetch(String groupId, Collection<TopicPartition> partitions) {
        return required().fetch(groupId, partitions);
    }

    @Override
    public void reset(String groupId, Map<TopicPartition, Long> offsets) {
        required().reset(groupId, offsets);
    }

    @Override
    public List<GroupSummary> listGroups() {
        return required().listGroups();
    }

    @Override
    public GroupSummary describeGroup(String groupId) {
        return required().describeGroup(groupId);
    }

    @Override
    public void ensureOffsetsTopic() {
        required().ensureOffsetsTopic();
    }

    @Override
    public void topicDeleted(String topic) {
        GroupService service = current;
        if (service != null) {
            service.topicDeleted(topic);
        } else {
            LOG.warn("Topic {} was deleted while no group coordinator ran: groups keep their offsets of it", topic);
        }
    }

    @Override
    public Map<GroupState, Integer> countByState() {
        GroupService service = current;
        return service != null ? service.countByState() : Map.of();
    }

    @Override
    public int offsetCount() {
        GroupService service = current;
        return service != null ? service.offsetCount() : 0;
    }
}
