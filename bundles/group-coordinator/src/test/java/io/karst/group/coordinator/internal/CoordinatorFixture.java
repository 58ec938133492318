package io.karst.group.coordinator.internal;

import io.karst.api.Errors;
import io.karst.api.group.GroupState;
import io.karst.api.group.GroupSummary;
import io.karst.api.group.JoinRequest;
import io.karst.api.group.JoinResult;
import io.karst.api.group.LeavingMember;
import io.karst.api.group.MemberProtocol;
import io.karst.api.group.SyncResult;
import io.karst.group.coordinator.internal.runtime.MemoryInternalTopics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group coordinator on manual time over an in-memory {@code __consumer_offsets} that it leads, with the calls a
 * consumer makes. Sessions last {@link #SESSION_MS}, join phases at most {@link #REBALANCE_MS}.
 */
final class CoordinatorFixture implements AutoCloseable {
    static final int SESSION_MS = 10_000;
    static final int REBALANCE_MS = 5_000;
    static final long RETENTION_MS = 60_000;
    static final byte[] SUBSCRIPTION = "orders".getBytes(StandardCharsets.UTF_8);

    final ManualTime time = new ManualTime(1_700_000_000_000L);
    final MemoryInternalTopics log = new MemoryInternalTopics();
    private final GroupCoordinatorConfig config;
    private GroupCoordinatorService service;

    CoordinatorFixture(int initialRebalanceDelayMs) {
        config = GroupCoordinatorConfig.fromMap(Map.of(
                "group.initial.rebalance.delay.ms", String.valueOf(initialRebalanceDelayMs),
                "group.min.session.timeout.ms", "1000",
                "offsets.retention.minutes", String.valueOf(RETENTION_MS / 60_000)));
        service = start();
    }

    private GroupCoordinatorService start() {
        GroupCoordinatorService started = new GroupCoordinatorService(config, log, time, time);
        started.start();
        started.ensureOffsetsTopic(); // waits until the partition is loaded
        return started;
    }

    GroupCoordinatorService service() {
        return service;
    }

    GroupCoordinator membership() {
        return service.membership();
    }

    OffsetManager offsets() {
        return service.offsets();
    }

    /** Stops the coordinator and starts another one from what it stored, as a broker restart does. */
    void restart() {
        service.close();
        service = start();
    }

    CompletableFuture<JoinResult> join(String group, String memberId) {
        return join(group, memberId, null, "range");
    }

    /** A join of a static member (when {@code instanceId} is not null) supporting {@code protocols}. */
    CompletableFuture<JoinResult> join(String group, String memberId, String instanceId, String... protocols) {
        List<MemberProtocol> supported = new ArrayList<>();
        for (String name : protocols) {
            supported.add(new MemberProtocol(name, SUBSCRIPTION));
        }
        return service.joinGroup(new JoinRequest(group, memberId, instanceId, false, "client", "/127.0.0.1",
                REBALANCE_MS, SESSION_MS, "consumer", supported)).toCompletableFuture();
    }

    /** A join that the coordinator must answer at once, without error. */
    static JoinResult answered(CompletableFuture<JoinResult> join) {
        assertThat(join).isDone();
        JoinResult result = join.join();
        assertThat(result.error()).isEqualTo(Errors.NONE);
        return result;
    }

    SyncResult sync(String group, JoinResult joined, Map<String, byte[]> assignments) {
        return sync(group, joined, null, assignments);
    }

    SyncResult sync(String group, JoinResult joined, String instanceId, Map<String, byte[]> assignments) {
        CompletableFuture<SyncResult> sync = service.syncGroup(group, joined.generationId(), joined.memberId(),
                instanceId, assignments).toCompletableFuture();
        assertThat(sync).isDone();
        return sync.join();
    }

    /** A first member that joins alone and syncs, giving itself {@code assignment}. */
    JoinResult joinAlone(String group, byte[] assignment) {
        JoinResult joined = answered(join(group, ""));
        assertThat(sync(group, joined, Map.of(joined.memberId(), assignment)).error()).isEqualTo(Errors.NONE);
        return joined;
    }

    Errors heartbeat(String group, JoinResult joined) {
        return heartbeat(group, joined, null);
    }

    Errors heartbeat(String group, JoinResult joined, String instanceId) {
        return service.heartbeat(group, joined.generationId(), joined.memberId(), instanceId);
    }

    Errors leave(String group, String memberId, String instanceId) {
        return service.leaveGroup(group, List.of(new LeavingMember(memberId, instanceId))).firstError();
    }

    GroupSummary describe(String group) {
        return service.describeGroup(group);
    }

    GroupState state(String group) {
        return describe(group).state();
    }

    @Override
    public void close() {
        service.close();
    }
}
