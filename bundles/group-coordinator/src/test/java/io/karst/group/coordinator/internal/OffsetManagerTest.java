package io.karst.group.coordinator.internal;

import io.karst.api.Errors;
import io.karst.api.TopicPartition;
import io.karst.api.group.CommittedOffset;
import io.karst.api.group.GroupState;
import io.karst.api.group.JoinResult;
import io.karst.api.group.OffsetCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.karst.group.coordinator.internal.CoordinatorFixture.RETENTION_MS;
import static io.karst.group.coordinator.internal.CoordinatorFixture.SESSION_MS;
import static org.assertj.core.api.Assertions.assertThat;

/** Committed offsets on a manual clock: who may commit, retention of an Empty group's offsets, restart. */
class OffsetManagerTest {
    private static final TopicPartition ORDERS = new TopicPartition("orders", 0);
    private static final byte[] PLAN = {7};

    private final CoordinatorFixture groups = new CoordinatorFixture(0);

    @AfterEach
    void tearDown() {
        groups.close();
    }

    @Test
    void anEmptyGroupsOffsetsExpireTheRetentionTimeAfterItBecameEmpty() {
        assertThat(commit("assigners", -1, "", 42)).isEqualTo(Errors.NONE);

        groups.time.advance(RETENTION_MS - 1);
        groups.offsets().expireOffsets();
        assertThat(committed("assigners")).isEqualTo(42L);

        groups.time.advance(1);
        groups.offsets().expireOffsets();
        assertThat(groups.offsets().fetch("assigners", List.of(ORDERS))).isEmpty();
        assertThat(groups.state("assigners")).as("removed with its offsets").isEqualTo(GroupState.DEAD);
    }

    @Test
    void aGroupWithMembersKeepsItsOffsetsAndTheRetentionStartsWhenTheLastMemberLeaves() {
        JoinResult member = groups.joinAlone("consumers", PLAN);
        assertThat(commit("consumers", member.generationId(), member.memberId(), 5)).isEqualTo(Errors.NONE);
        for (long lived = 0; lived <= RETENTION_MS; lived += SESSION_MS / 2) {
            groups.time.advance(SESSION_MS / 2);
            assertThat(groups.heartbeat("consumers", member)).isEqualTo(Errors.NONE);
            groups.offsets().expireOffsets();
        }
        assertThat(committed("consumers")).isEqualTo(5L);

        assertThat(groups.leave("consumers", member.memberId(), null)).isEqualTo(Errors.NONE);
        groups.time.advance(RETENTION_MS - 1);
        groups.offsets().expireOffsets();
        assertThat(committed("consumers")).isEqualTo(5L);
        groups.time.advance(1);
        groups.offsets().expireOffsets();
        assertThat(groups.offsets().fetch("consumers", null)).isEmpty();
    }

    @Test
    void aCommitNeedsTheCurrentGenerationAndAMemberOnceTheGroupHasMembers() {
        JoinResult member = groups.joinAlone("strict", PLAN);

        assertThat(commit("strict", member.generationId() - 1, member.memberId(), 1))
                .isEqualTo(Errors.ILLEGAL_GENERATION);
        assertThat(commit("strict", member.generationId(), "stranger", 1)).isEqualTo(Errors.UNKNOWN_MEMBER_ID);
        assertThat(commit("strict", -1, "", 1)).isEqualTo(Errors.UNKNOWN_MEMBER_ID);
        assertThat(groups.offsets().fetch("strict", null)).isEmpty();
    }

    @Test
    void committedOffsetsSurviveARestartOfTheCoordinator() throws Exception {
        assertThat(commit("durable", -1, "", 17)).isEqualTo(Errors.NONE);

        groups.restart();

        assertThat(committed("durable")).isEqualTo(17L);
    }

    private Errors commit(String group, int generation, String memberId, long offset) {
        Map<TopicPartition, Errors> result = groups.offsets().commit(group, generation, memberId, null,
                Map.of(ORDERS, new OffsetCommit(offset, -1, "")));
        return result.get(ORDERS);
    }

    private Long committed(String group) {
        CommittedOffset offset = groups.offsets().fetch(group, List.of(ORDERS)).get(ORDERS);
        return offset == null ? null : offset.offset();
    }
}
