package io.karst.broker.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.group.JoinRequest;
import io.karst.api.group.LeavingMember;
import io.karst.api.group.MemberProtocol;
import io.karst.api.group.OffsetCommit;
import io.karst.group.coordinator.internal.GroupCoordinatorConfig;
import io.karst.group.coordinator.internal.GroupCoordinatorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without a group coordinator every group call gets COORDINATOR_NOT_AVAILABLE; with one, the coordinator answers. */
class GroupServiceHolderTest {
    private static final TopicPartition ORDERS = new TopicPartition("orders", 0);
    private static final Errors ABSENT = Errors.COORDINATOR_NOT_AVAILABLE;

    @TempDir
    Path dir;
    private LocalTopics local;
    private GroupCoordinatorService coordinator;
    private final GroupServiceHolder holder = new GroupServiceHolder();

    @BeforeEach
    void setUp() throws Exception {
        local = new LocalTopics(dir);
        local.topics().create("orders", 1, (short) 1, Map.of(), false);
        coordinator = GroupCoordinatorService.open(GroupCoordinatorConfig.fromMap(Map.of()),
                new BrokerInternalTopics(local.topics(), local.replicas(), local.appender()));
    }

    @AfterEach
    void tearDown() throws Exception {
        coordinator.close();
        local.close();
    }

    @Test
    void withoutACoordinatorEveryGroupCallIsToldItIsNotAvailable() {
        assertThat(holder.joinGroup(join()).toCompletableFuture().join().error()).isEqualTo(ABSENT);
        assertThat(holder.syncGroup("g", 1, "m", null, Map.of()).toCompletableFuture().join().error()).isEqualTo(ABSENT);
        assertThat(holder.heartbeat("g", 1, "m", null)).isEqualTo(ABSENT);
        assertThat(holder.leaveGroup("g", List.of(new LeavingMember("m", null))).firstError()).isEqualTo(ABSENT);
        assertThat(holder.commit("g", -1, "", null, Map.of(ORDERS, new OffsetCommit(1, -1, ""))))
                .containsEntry(ORDERS, ABSENT);
        for (Runnable call : List.<Runnable>of(() -> holder.fetch("g", null), holder::listGroups,
                () -> holder.describeGroup("g"), holder::ensureOffsetsTopic, () -> holder.reset("g", Map.of()))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(KarstException.class,
                    e -> assertThat(e.error()).isEqualTo(ABSENT));
        }
        assertThat(holder.countByState()).isEmpty();
    }

    @Test
    void aBoundCoordinatorAnswersAndAStaleUnbindLeavesItInPlace() {
        holder.bind(coordinator);
        holder.ensureOffsetsTopic();
        assertThat(holder.commit("g", -1, "", null, Map.of(ORDERS, new OffsetCommit(7, -1, ""))))
                .containsEntry(ORDERS, Errors.NONE);

        try (GroupCoordinatorService other = GroupCoordinatorService.open(GroupCoordinatorConfig.fromMap(Map.of()),
                new BrokerInternalTopics(local.topics(), local.replicas(), local.appender()))) {
            holder.unbind(other);
        }
        assertThat(holder.fetch("g", List.of(ORDERS)).get(ORDERS).offset()).isEqualTo(7L);

        holder.unbind(coordinator);
        assertThat(holder.heartbeat("g", 1, "m", null)).isEqualTo(ABSENT);
    }

    private static JoinRequest join() {
        return new JoinRequest("g", "", null, false, "client", "/127.0.0.1", 30_000, 10_000, "consumer",
                List.of(new MemberProtocol("range", new byte[0])));
    }
}
