package io.karst.group.coordinator.internal;

import io.karst.api.Errors;
import io.karst.api.group.GroupState;
import io.karst.api.group.JoinRequest;
import io.karst.api.group.JoinResult;
import io.karst.api.group.MemberProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.karst.group.coordinator.internal.CoordinatorFixture.REBALANCE_MS;
import static io.karst.group.coordinator.internal.CoordinatorFixture.SESSION_MS;
import static io.karst.group.coordinator.internal.CoordinatorFixture.answered;
import static org.assertj.core.api.Assertions.assertThat;

/** The group coordinator's timers on a manual clock: session expiry, rebalance timeout, initial delay. */
class GroupCoordinatorTimingTest {
    private static final byte[] PLAN = {1, 2, 3};

    private CoordinatorFixture groups = new CoordinatorFixture(0);

    @AfterEach
    void tearDown() {
        groups.close();
    }

    @Test
    void aMemberLivesWhileItHeartbeatsAndLeavesTheGroupWhenItsSessionEnds() {
        JoinResult member = groups.joinAlone("sessions", PLAN);

        for (int i = 0; i < 10; i++) {
            groups.time.advance(SESSION_MS - 1);
            assertThat(groups.heartbeat("sessions", member)).as("heartbeat within the session").isEqualTo(Errors.NONE);
        }
        groups.time.advance(SESSION_MS - 1);
        assertThat(groups.state("sessions")).isEqualTo(GroupState.STABLE);

        groups.time.advance(1);
        assertThat(groups.state("sessions")).as("the silent member's session ended").isEqualTo(GroupState.EMPTY);
        assertThat(groups.heartbeat("sessions", member)).isEqualTo(Errors.UNKNOWN_MEMBER_ID);
        assertThat(groups.joinAlone("sessions", PLAN).generationId()).as("the next generation").isEqualTo(3);
    }

    @Test
    void aJoinPhaseEndsAtTheRebalanceTimeoutWithoutTheMembersThatDidNotRejoin() {
        JoinResult first = groups.joinAlone("rebalance", PLAN);
        CompletableFuture<JoinResult> second = groups.join("rebalance", "");
        assertThat(groups.heartbeat("rebalance", first)).isEqualTo(Errors.REBALANCE_IN_PROGRESS);

        groups.time.advance(REBALANCE_MS - 1);
        assertThat(second).as("waiting for the first member to rejoin").isNotDone();

        groups.time.advance(1);
        JoinResult joined = answered(second);
        assertThat(joined.generationId()).isEqualTo(2);
        assertThat(joined.leaderId()).isEqualTo(joined.memberId());
        assertThat(joined.members()).extracting(JoinResult.JoinedMember::memberId).containsExactly(joined.memberId());
        assertThat(groups.heartbeat("rebalance", first)).isEqualTo(Errors.UNKNOWN_MEMBER_ID);
    }

    @Test
    void anEmptyGroupWaitsTheInitialRebalanceDelayAndLongerWhileMembersKeepJoining() {
        groups.close();
        groups = new CoordinatorFixture(3_000);
        CompletableFuture<JoinResult> alone = groups.join("alone", "");
        groups.time.advance(2_999);
        assertThat(alone).isNotDone();
        groups.time.advance(1);
        assertThat(answered(alone).generationId()).isEqualTo(1);

        CompletableFuture<JoinResult> first = groups.join("crowd", "");
        groups.time.advance(2_000);
        CompletableFuture<JoinResult> second = groups.join("crowd", "");
        groups.time.advance(1_000);
        assertThat(first).as("a member joined during the delay: it is extended").isNotDone();
        groups.time.advance(REBALANCE_MS - 3_000 - 1);
        assertThat(second).isNotDone();

        groups.time.advance(1);
        assertThat(List.of(answered(first).generationId(), answered(second).generationId())).containsOnly(1);
        assertThat(answered(first).members()).hasSize(2);
    }

    @Test
    void aMemberIdHandedOutWithMemberIdRequiredIsForgottenWhenNotUsedWithinTheSession() {
        JoinResult member = groups.joinAlone("pending", PLAN);
        JoinResult required = groups.membership().joinGroup(new JoinRequest("pending", "", null, true, "client",
                "/127.0.0.1", REBALANCE_MS, SESSION_MS, "consumer",
                List.of(new MemberProtocol("range", CoordinatorFixture.SUBSCRIPTION)))).join();
        assertThat(required.error()).isEqualTo(Errors.MEMBER_ID_REQUIRED);

        groups.time.advance(SESSION_MS - 1);
        assertThat(groups.heartbeat("pending", member)).isEqualTo(Errors.NONE);
        groups.time.advance(1);
        JoinResult late = groups.join("pending", required.memberId()).join();
        assertThat(late.error()).isEqualTo(Errors.UNKNOWN_MEMBER_ID);
        assertThat(groups.describe("pending").generationId()).as("no rebalance").isEqualTo(1);
        assertThat(groups.describe("pending").members()).hasSize(1);
    }
}
