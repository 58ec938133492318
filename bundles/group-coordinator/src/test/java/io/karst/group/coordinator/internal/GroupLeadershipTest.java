package io.karst.group.coordinator.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.group.CommittedOffset;
import io.karst.api.group.GroupState;
import io.karst.api.group.JoinResult;
import io.karst.api.group.OffsetCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The groups of a {@code __consumer_offsets} partition live only while this broker leads it: when the
 * partition moves away its members are told NOT_COORDINATOR, and when it comes back the groups and
 * their offsets are read back from its log.
 */
class GroupLeadershipTest {
    private static final TopicPartition ORDERS = new TopicPartition("orders", 0);
    private static final byte[] PLAN = {7};

    private final CoordinatorFixture groups = new CoordinatorFixture(0);

    @AfterEach
    void tearDown() {
        groups.close();
    }

    @Test
    void aResignedPartitionsGroupsAnswerNotCoordinator() {
        JoinResult member = groups.joinAlone("movers", PLAN);
        groups.log.resign();

        assertThat(groups.heartbeat("movers", member)).isEqualTo(Errors.NOT_COORDINATOR);
        assertThat(commit("movers", member, 5)).isEqualTo(Errors.NOT_COORDINATOR);
        assertThat(groups.join("newcomers", "").join().error()).isEqualTo(Errors.NOT_COORDINATOR);
        assertThatThrownBy(() -> groups.service().fetch("movers", List.of(ORDERS)))
                .isInstanceOfSatisfying(KarstException.class, e -> assertThat(e.error()).isEqualTo(Errors.NOT_COORDINATOR));
        assertThat(groups.service().listGroups()).isEmpty();
    }

    @Test
    void aJoinWaitingWhenThePartitionMovesIsToldNotCoordinator() {
        groups.joinAlone("rebalancing", PLAN);
        CompletableFuture<JoinResult> second = groups.join("rebalancing", "");
        assertThat(second).as("waits for the first member to rejoin").isNotDone();

        groups.log.resign();

        assertThat(second).isCompletedWithValueMatching(r -> r.error() == Errors.NOT_COORDINATOR);
    }

    @Test
    void aPartitionLedAgainBringsBackItsGroupsAndOffsets() throws Exception {
        JoinResult member = groups.joinAlone("returners", PLAN);
        assertThat(commit("returners", member, 42)).isEqualTo(Errors.NONE);
        groups.log.resign();

        groups.log.lead();
        groups.service().ensureOffsetsTopic(); // waits for the load

        CommittedOffset offset = groups.service().fetch("returners", List.of(ORDERS)).get(ORDERS);
        assertThat(offset.offset()).isEqualTo(42L);
        assertThat(groups.state("returners")).isEqualTo(GroupState.STABLE);
        assertThat(groups.heartbeat("returners", member)).isEqualTo(Errors.NONE);
    }

    private Errors commit(String group, JoinResult member, long offset) {
        return groups.service().commit(group, member.generationId(), member.memberId(), null,
                Map.of(ORDERS, new OffsetCommit(offset, -1, ""))).get(ORDERS);
    }
}
