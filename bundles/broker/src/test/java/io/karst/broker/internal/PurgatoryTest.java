package io.karst.broker.internal;

import io.karst.api.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Delayed operations complete once: when their condition holds at a check, at their timeout, or on close. */
class PurgatoryTest {
    private static final TopicPartition ORDERS = new TopicPartition("orders", 0);
    private static final TopicPartition PAYMENTS = new TopicPartition("payments", 0);

    private final ManualDelayTimer timer = new ManualDelayTimer();
    private final Purgatory purgatory = new Purgatory(timer);
    private final List<String> completions = new ArrayList<>();

    /** Completes when {@code ready} is set; records whether it was satisfied when it completed. */
    private final class Waiting extends DelayedOperation {
        private final String name;
        volatile boolean ready;

        Waiting(String name) {
            this.name = name;
        }

        @Override
        protected boolean isSatisfied() {
            return ready;
        }

        @Override
        protected void onComplete() {
            completions.add(name + (ready ? " satisfied" : " expired"));
        }
    }

    @Test
    void anOperationWhoseConditionHoldsCompletesAtOnceWithoutATimer() {
        Waiting op = new Waiting("a");
        op.ready = true;

        purgatory.tryCompleteElseWatch(op, Set.of(ORDERS), 1_000);

        assertThat(completions).containsExactly("a satisfied");
        assertThat(purgatory.watched()).isZero();
        assertThat(timer.pending()).isZero();
    }

    @Test
    void aCheckOfItsKeyCompletesAWaitingOperationOnceItsConditionHolds() {
        Waiting op = new Waiting("a");
        purgatory.tryCompleteElseWatch(op, Set.of(ORDERS, PAYMENTS), 1_000);

        purgatory.checkAndComplete(ORDERS);
        assertThat(completions).isEmpty();

        op.ready = true;
        purgatory.checkAndComplete(PAYMENTS);
        purgatory.checkAndComplete(ORDERS);
        timer.advance(1_000);

        assertThat(completions).containsExactly("a satisfied");
        assertThat(purgatory.watched()).isZero();
        assertThat(timer.pending()).isZero();
    }

    @Test
    void aCheckOfAnotherKeyLeavesItWaiting() {
        Waiting op = new Waiting("a");
        purgatory.tryCompleteElseWatch(op, Set.of(ORDERS), 1_000);
        op.ready = true;

        purgatory.checkAndComplete(PAYMENTS);

        assertThat(completions).isEmpty();
        assertThat(purgatory.watched()).isEqualTo(1);
    }

    @Test
    void anOperationExpiresAtItsTimeoutAndNotBefore() {
        Waiting early = new Waiting("early");
        Waiting late = new Waiting("late");
        purgatory.tryCompleteElseWatch(early, Set.of(ORDERS), 100);
        purgatory.tryCompleteElseWatch(late, Set.of(ORDERS), 500);

        timer.advance(99);
        assertThat(completions).isEmpty();
        timer.advance(1);
        assertThat(completions).containsExactly("early expired");
        assertThat(purgatory.watched()).isEqualTo(1);

        timer.advance(400);
        assertThat(completions).containsExactly("early expired", "late expired");
        assertThat(purgatory.watched()).isZero();
        late.ready = true;
        purgatory.checkAndComplete(ORDERS);
        assertThat(completions).hasSize(2);
    }

    @Test
    void closeCompletesEveryWaitingOperationOnceAndStopsTheTimer() {
        Waiting a = new Waiting("a");
        Waiting b = new Waiting("b");
        purgatory.tryCompleteElseWatch(a, Set.of(ORDERS), 100);
        purgatory.tryCompleteElseWatch(b, Set.of(ORDERS, PAYMENTS), 100);

        purgatory.close();
        timer.advance(100);

        assertThat(completions).containsExactlyInAnyOrder("a expired", "b expired");
        assertThat(purgatory.watched()).isZero();
        assertThat(timer.pending()).isZero();
    }
}
