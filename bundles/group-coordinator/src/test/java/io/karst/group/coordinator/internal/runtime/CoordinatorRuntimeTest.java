package io.karst.group.coordinator.internal.runtime;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.record.LogRecord;
import io.karst.api.record.RecordBatchBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runtime loads a partition's shard from its log when it is led here and drops it when it resigns. */
class CoordinatorRuntimeTest {
    private static final String TOPIC = "__test_state";

    private final MemoryInternalTopics topics = new MemoryInternalTopics();
    private final List<RecordingShard> made = new CopyOnWriteArrayList<>();
    private CountDownLatch readsMayGo = new CountDownLatch(0);
    private final CoordinatorRuntime<RecordingShard> runtime = new CoordinatorRuntime<>(TOPIC, 1, Map.of(), topics,
            partition -> {
                RecordingShard shard = new RecordingShard();
                made.add(shard);
                return shard;
            });

    @AfterEach
    void tearDown() {
        runtime.close();
    }

    @Test
    void aLedPartitionIsServedOnceItsLogIsReplayed() throws Exception {
        append("a");
        append("b");
        runtime.start();

        RecordingShard shard = awaitLoaded();
        assertThat(shard.replayed).containsExactly("a", "b");
        assertThat(shard.loadedCalls).isEqualTo(1);
        assertThat(runtime.loadedShards()).containsExactly(shard);
    }

    @Test
    void aPartitionStillLoadingAnswersLoadInProgress() throws Exception {
        append("a");
        CountDownLatch go = new CountDownLatch(1);
        readsMayGo = go;
        runtime.start();

        assertThatThrownBy(() -> runtime.shard(0)).isInstanceOfSatisfying(KarstException.class,
                e -> assertThat(e.error()).isEqualTo(Errors.COORDINATOR_LOAD_IN_PROGRESS));
        assertThat(runtime.loadedShards()).isEmpty();
        go.countDown();
        assertThat(awaitLoaded().replayed).containsExactly("a");
    }

    @Test
    void aResignedPartitionIsUnloadedAndAnswersNotCoordinatorUntilLedAgain() throws Exception {
        runtime.start();
        RecordingShard first = awaitLoaded();
        append("written while led");

        topics.resign();
        assertThat(first.unloaded).isTrue();
        assertThatThrownBy(() -> runtime.shard(0)).isInstanceOfSatisfying(KarstException.class,
                e -> assertThat(e.error()).isEqualTo(Errors.NOT_COORDINATOR));

        topics.lead();
        RecordingShard second = awaitLoaded();
        assertThat(second).isNotSameAs(first);
        assertThat(second.replayed).containsExactly("written while led");
    }

    @Test
    void beingToldAgainOfALeadershipItFollowsDoesNotReload() throws Exception {
        runtime.start();
        RecordingShard shard = awaitLoaded();

        runtime.becameLeader(0, 0);
        assertThat(runtime.shard(0)).isSameAs(shard);
        assertThat(made).hasSize(1);
    }

    @Test
    void aPartitionNeverLedHereIsNotCoordinatedHere() {
        runtime.start();
        assertThatThrownBy(() -> runtime.shard(3)).isInstanceOfSatisfying(KarstException.class,
                e -> assertThat(e.error()).isEqualTo(Errors.NOT_COORDINATOR));
    }

    /** The shard of partition 0 once loaded, waiting at most 10 s for the loader thread. */
    private RecordingShard awaitLoaded() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return runtime.shard(0);
            } catch (KarstException e) {
                if (e.error() != Errors.COORDINATOR_LOAD_IN_PROGRESS || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(5);
            }
        }
    }

    private void append(String key) throws Exception {
        topics.append(new TopicPartition(TOPIC, 0), new RecordBatchBuilder()
                .add(1L, key.getBytes(StandardCharsets.UTF_8), null, List.of()).build());
    }

    private final class RecordingShard implements CoordinatorShard {
        final List<String> replayed = new CopyOnWriteArrayList<>();
        volatile int loadedCalls;
        volatile boolean unloaded;

        @Override
        public void replay(LogRecord record) {
            try {
                readsMayGo.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            replayed.add(new String(record.key(), StandardCharsets.UTF_8));
        }

        @Override
        public void loaded() {
            loadedCalls++;
        }

        @Override
        public void unloaded() {
            unloaded = true;
        }
    }
}
