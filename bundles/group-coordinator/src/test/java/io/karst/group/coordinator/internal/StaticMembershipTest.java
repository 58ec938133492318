package io.karst.group.coordinator.internal;

import io.karst.api.Errors;
import io.karst.api.TopicPartition;
import io.karst.api.group.GroupSummary;
import io.karst.api.group.JoinResult;
import io.karst.api.group.LeaveResult;
import io.karst.api.group.LeavingMember;
import io.karst.api.group.OffsetCommit;
import io.karst.api.group.SyncResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.karst.group.coordinator.internal.CoordinatorFixture.SESSION_MS;
import static io.karst.group.coordinator.internal.CoordinatorFixture.answered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static group membership (KIP-345) on a manual clock: a restart within the session keeps the
 * assignment without a rebalance, the previous incarnation is fenced, and LeaveGroup works by instance id.
 */
class StaticMembershipTest {
    private static final String GROUP = "static";
    private static final byte[] PLAN_A = {'a'};
    private static final byte[] PLAN_B = {'b'};
    private static final TopicPartition ORDERS = new TopicPartition("orders", 0);

    private final CoordinatorFixture groups = new CoordinatorFixture(0);
    private JoinResult a;
    private JoinResult b;

    /** Two static members, a-1 (the leader) and b-1, Stable at generation 2 with their plans. */
    @BeforeEach
    void twoStaticMembers() {
        a = answered(groups.join(GROUP, "", "a-1", "range"));
        assertThat(groups.sync(GROUP, a, "a-1", Map.of(a.memberId(), PLAN_A)).error()).isEqualTo(Errors.NONE);
        CompletableFuture<JoinResult> joining = groups.join(GROUP, "", "b-1", "range");
        a = answered(groups.join(GROUP, a.memberId(), "a-1", "range"));
        b = answered(joining);
        assertThat(a.generationId()).isEqualTo(2);
        assertThat(groups.sync(GROUP, a, "a-1", Map.of(a.memberId(), PLAN_A, b.memberId(), PLAN_B)).error())
                .isEqualTo(Errors.NONE);
        assertThat(groups.sync(GROUP, b, "b-1", Map.of()).assignment()).isEqualTo(PLAN_B);
    }

    @AfterEach
    void tearDown() {
        groups.close();
    }

    @Test
    void aRestartedStaticMemberGetsItsAssignmentBackWithoutARebalanceAndFencesItsOldId() {
        JoinResult restarted = answered(groups.join(GROUP, "", "b-1", "range"));

        assertThat(restarted.memberId()).startsWith("b-1-").isNotEqualTo(b.memberId());
        assertThat(restarted.generationId()).as("no new generation").isEqualTo(2);
        assertThat(restarted.leaderId()).isEqualTo(a.memberId());
        assertThat(restarted.members()).isEmpty();
        assertThat(groups.sync(GROUP, restarted, "b-1", Map.of()).assignment()).isEqualTo(PLAN_B);
        assertThat(groups.heartbeat(GROUP, a, "a-1")).as("the other member sees no rebalance").isEqualTo(Errors.NONE);
        assertThat(groups.describe(GROUP).members()).extracting(GroupSummary.MemberSummary::memberId)
                .containsExactlyInAnyOrder(a.memberId(), restarted.memberId());

        assertThat(groups.heartbeat(GROUP, b, "b-1")).isEqualTo(Errors.FENCED_INSTANCE_ID);
        assertThat(groups.sync(GROUP, b, "b-1", Map.of()).error()).isEqualTo(Errors.FENCED_INSTANCE_ID);
        assertThat(groups.join(GROUP, b.memberId(), "b-1", "range").join().error())
                .isEqualTo(Errors.FENCED_INSTANCE_ID);
        assertThat(groups.offsets().commit(GROUP, b.generationId(), b.memberId(), "b-1",
                Map.of(ORDERS, new OffsetCommit(3, -1, "")))).containsEntry(ORDERS,
                Errors.FENCED_INSTANCE_ID);
        assertThat(groups.heartbeat(GROUP, b)).as("without its instance id it is just unknown")
                .isEqualTo(Errors.UNKNOWN_MEMBER_ID);
    }

    @Test
    void aRestartedLeaderIsToldTheLeaderItWasSoThatItDoesNotAssignAndLeadsTheNextGeneration() {
        JoinResult restarted = answered(groups.join(GROUP, "", "a-1", "range"));

        assertThat(restarted.leaderId()).isEqualTo(a.memberId()).isNotEqualTo(restarted.memberId());
        assertThat(restarted.members()).isEmpty();
        assertThat(groups.sync(GROUP, restarted, "a-1", Map.of()).assignment()).isEqualTo(PLAN_A);

        CompletableFuture<JoinResult> newcomer = groups.join(GROUP, "");
        CompletableFuture<JoinResult> leaderRejoins = groups.join(GROUP, restarted.memberId(), "a-1", "range");
        groups.join(GROUP, b.memberId(), "b-1", "range");
        JoinResult next = answered(leaderRejoins);
        assertThat(next.generationId()).isEqualTo(3);
        assertThat(next.leaderId()).isEqualTo(restarted.memberId());
        assertThat(next.members()).hasSize(3);
        assertThat(answered(newcomer).leaderId()).isEqualTo(restarted.memberId());
    }

    @Test
    void aStaticMemberThatRestartsPreferringAnotherProtocolStartsARebalance() {
        groups.leave(GROUP, "", "b-1");
        JoinResult alone = answered(groups.join(GROUP, a.memberId(), "a-1", "range", "roundrobin"));
        groups.sync(GROUP, alone, "a-1", Map.of(alone.memberId(), PLAN_A));
        assertThat(alone.protocolName()).isEqualTo("range");

        JoinResult restarted = answered(groups.join(GROUP, "", "a-1", "roundrobin", "range"));

        assertThat(restarted.generationId()).isEqualTo(alone.generationId() + 1);
        assertThat(restarted.protocolName()).isEqualTo("roundrobin");
        assertThat(restarted.leaderId()).isEqualTo(restarted.memberId());
    }

    @Test
    void aSilentStaticMemberIsRemovedOnlyWhenItsSessionEnds() {
        groups.time.advance(SESSION_MS / 2);
        assertThat(groups.heartbeat(GROUP, a, "a-1")).isEqualTo(Errors.NONE);
        groups.time.advance(SESSION_MS / 2 - 1);
        assertThat(groups.heartbeat(GROUP, a, "a-1")).as("b-1 is still in its session").isEqualTo(Errors.NONE);
        assertThat(groups.describe(GROUP).members()).hasSize(2);

        groups.time.advance(1);
        assertThat(groups.heartbeat(GROUP, a, "a-1")).isEqualTo(Errors.REBALANCE_IN_PROGRESS);
        assertThat(groups.describe(GROUP).members()).extracting(GroupSummary.MemberSummary::groupInstanceId)
                .containsExactly("a-1");
    }

    @Test
    void leaveGroupRemovesAStaticMemberByItsInstanceIdWithAnErrorPerNamedMember() {
        LeaveResult left = groups.membership().leaveGroup(GROUP, List.of(
                new LeavingMember("", "b-1"),
                new LeavingMember("", "nobody"),
                new LeavingMember("a-1-stale", "a-1"),
                new LeavingMember("stranger", null)));

        assertThat(left.error()).isEqualTo(Errors.NONE);
        assertThat(left.memberErrors()).containsExactly(Errors.NONE, Errors.UNKNOWN_MEMBER_ID,
                Errors.FENCED_INSTANCE_ID, Errors.UNKNOWN_MEMBER_ID);
        assertThat(groups.heartbeat(GROUP, a, "a-1")).as("b-1 left: a rebalance").isEqualTo(Errors.REBALANCE_IN_PROGRESS);
        assertThat(groups.describe(GROUP).members()).hasSize(1);
        assertThat(groups.membership().leaveGroup("no-such-group", List.of(new LeavingMember("", "b-1"))).memberErrors())
                .containsExactly(Errors.UNKNOWN_MEMBER_ID);
    }

    @Test
    void aStaticMemberRestartingWhileTheLeaderAssignsFencesTheOldSyncAndRebalances() {
        CompletableFuture<JoinResult> newcomer = groups.join(GROUP, "");
        groups.join(GROUP, a.memberId(), "a-1", "range");
        JoinResult third = answered(groups.join(GROUP, b.memberId(), "b-1", "range"));
        CompletableFuture<SyncResult> oldSync = groups.membership().syncGroup(GROUP, third.generationId(),
                b.memberId(), "b-1", Map.of());
        assertThat(oldSync).as("waiting for the leader's assignment").isNotDone();

        CompletableFuture<JoinResult> restarted = groups.join(GROUP, "", "b-1", "range");

        assertThat(oldSync.join().error()).isEqualTo(Errors.FENCED_INSTANCE_ID);
        assertThat(restarted).isNotDone();
        assertThat(groups.join(GROUP, answered(newcomer).memberId()).isDone()).isFalse();
        JoinResult leader = answered(groups.join(GROUP, a.memberId(), "a-1", "range"));
        assertThat(leader.generationId()).isEqualTo(third.generationId() + 1);
        assertThat(leader.members()).extracting(JoinResult.JoinedMember::memberId)
                .contains(answered(restarted).memberId()).doesNotContain(b.memberId());
    }

    @Test
    void staticMembersSurviveARestartOfTheCoordinatorAndRejoinWithoutARebalance() throws Exception {
        groups.restart();

        JoinResult restarted = answered(groups.join(GROUP, "", "b-1", "range"));

        assertThat(restarted.generationId()).isEqualTo(2);
        assertThat(groups.sync(GROUP, restarted, "b-1", Map.of()).assignment()).isEqualTo(PLAN_B);
        assertThat(groups.heartbeat(GROUP, a, "a-1")).isEqualTo(Errors.NONE);
        assertThat(groups.heartbeat(GROUP, b, "b-1")).isEqualTo(Errors.FENCED_INSTANCE_ID);
    }

    @Test
    void aRestartWhoseNewIdCannotBeStoredKeepsTheOldMember() {
        groups.log.failAppends(true);

        JoinResult refused = groups.join(GROUP, "", "b-1", "range").join();

        assertThat(refused.error()).isEqualTo(Errors.COORDINATOR_NOT_AVAILABLE);
        assertThat(groups.heartbeat(GROUP, b, "b-1")).isEqualTo(Errors.NONE);
        assertThat(groups.describe(GROUP).members()).extracting(GroupSummary.MemberSummary::memberId)
                .containsExactlyInAnyOrder(a.memberId(), b.memberId());
    }
}
