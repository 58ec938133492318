package io.karst.broker.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.coordinator.InternalTopics;
import io.karst.api.coordinator.PartitionLeadershipListener;
import io.karst.api.record.LogRecord;
import io.karst.api.record.RecordBatchBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The broker's internal topics over a real log store and coordinator: creation, leadership, append and read. */
class BrokerInternalTopicsTest {
    private static final String TOPIC = "__consumer_offsets";

    @TempDir
    Path dir;
    private LocalTopics local;
    private InternalTopics internal;
    private final List<String> events = new ArrayList<>();
    private final PartitionLeadershipListener recorder = new PartitionLeadershipListener() {
        @Override
        public void becameLeader(int partition, int leaderEpoch) {
            events.add("lead " + partition);
        }

        @Override
        public void resigned(int partition) {
            events.add("resign " + partition);
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        local = new LocalTopics(dir);
        internal = new BrokerInternalTopics(local.topics(), local.replicas(), local.appender());
    }

    @AfterEach
    void tearDown() throws Exception {
        local.close();
    }

    @Test
    void aWatcherIsToldOfEachPartitionAsTheTopicIsCreatedAndOfEachResignationWhenItIsDeleted() {
        internal.watchLeadership(TOPIC, recorder);
        assertThat(internal.partitionCount(TOPIC)).isEmpty();

        internal.ensureExists(TOPIC, 3, Map.of("cleanup.policy", "compact"));
        internal.ensureExists(TOPIC, 3, Map.of("cleanup.policy", "compact"));
        assertThat(events).containsExactly("lead 0", "lead 1", "lead 2");
        assertThat(internal.partitionCount(TOPIC)).hasValue(3);

        local.topics().delete(TOPIC);
        assertThat(events).endsWith("resign 0", "resign 1", "resign 2");
    }

    @Test
    void aLateWatcherIsToldOfThePartitionsLedAlreadyAndAClosedOneOfNothingMore() {
        internal.ensureExists(TOPIC, 2, Map.of());
        InternalTopics.Watch watch = internal.watchLeadership(TOPIC, recorder);
        assertThat(events).containsExactly("lead 0", "lead 1");

        watch.close();
        local.topics().delete(TOPIC);
        assertThat(events).hasSize(2);
    }

    @Test
    void whatIsAppendedIsReadBackInOffsetOrder() throws Exception {
        internal.ensureExists(TOPIC, 1, Map.of());
        TopicPartition tp = new TopicPartition(TOPIC, 0);
        assertThat(internal.append(tp, batch("a", "b"))).isZero();
        assertThat(internal.append(tp, batch("c"))).isEqualTo(2);

        List<String> keys = new ArrayList<>();
        internal.read(tp, (LogRecord r) -> keys.add(new String(r.key(), StandardCharsets.UTF_8)));
        assertThat(keys).containsExactly("a", "b", "c");
    }

    @Test
    void aPartitionNotLedHereIsNotCoordinatedHere() {
        TopicPartition absent = new TopicPartition(TOPIC, 7);
        assertThatThrownBy(() -> internal.append(absent, batch("x"))).isInstanceOfSatisfying(KarstException.class,
                e -> assertThat(e.error()).isEqualTo(Errors.NOT_COORDINATOR));
        assertThatThrownBy(() -> internal.read(absent, r -> { })).isInstanceOfSatisfying(KarstException.class,
                e -> assertThat(e.error()).isEqualTo(Errors.NOT_COORDINATOR));
    }

    private static io.karst.api.record.RecordBatch batch(String... keys) {
        RecordBatchBuilder builder = new RecordBatchBuilder();
        for (String key : keys) {
            builder.add(1L, key.getBytes(StandardCharsets.UTF_8), new byte[]{1}, List.of());
        }
        return builder.build();
    }
}
