package io.karst.broker.internal;

import io.karst.api.Errors;
import io.karst.broker.internal.ProducerStateManager.Check;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProducerStateManagerTest {
    private final ProducerStateManager state = new ProducerStateManager(60_000);

    private long offset;

    /** Checks and, when accepted, records the batch as if appended at the log end. */
    private Check send(long pid, int epoch, int seq, int records) {
        Check check = state.check(TestBatches.view(pid, (short) epoch, seq, records, offset));
        if (check instanceof Check.Append) {
            state.record(TestBatches.view(pid, (short) epoch, seq, records, offset));
            offset += records;
        }
        return check;
    }

    @Test
    void aResentBatchIsADuplicateWithItsOriginalOffsets() {
        send(7, 0, 0, 3);
        send(7, 0, 3, 2);
        assertThat(send(7, 0, 0, 3)).isEqualTo(new Check.Duplicate(0, 2));
        assertThat(send(7, 0, 3, 2)).isEqualTo(new Check.Duplicate(3, 4));
        assertThat(offset).isEqualTo(5);
    }

    @Test
    void onlyTheLastFiveBatchesAreRemembered() {
        for (int i = 0; i < 6; i++) {
            assertThat(send(7, 0, i, 1)).isInstanceOf(Check.Append.class);
        }
        assertThat(send(7, 0, 5, 1)).isEqualTo(new Check.Duplicate(5, 5));
        assertThat(send(7, 0, 0, 1)).isInstanceOfSatisfying(Check.Reject.class,
                r -> assertThat(r.error()).isEqualTo(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER));
    }

    @Test
    void aGapInSequencesIsOutOfOrder() {
        send(7, 0, 0, 1);
        assertThat(send(7, 0, 2, 1)).isInstanceOfSatisfying(Check.Reject.class,
                r -> assertThat(r.error()).isEqualTo(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER));
    }

    @Test
    void anOlderEpochIsFencedAndANewEpochStartsAtZero() {
        send(7, 1, 0, 1);
        assertThat(send(7, 0, 0, 1)).isInstanceOfSatisfying(Check.Reject.class,
                r -> assertThat(r.error()).isEqualTo(Errors.INVALID_PRODUCER_EPOCH));
        assertThat(send(7, 2, 5, 1)).isInstanceOfSatisfying(Check.Reject.class,
                r -> assertThat(r.error()).isEqualTo(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER));
        assertThat(send(7, 2, 0, 1)).isInstanceOf(Check.Append.class);
    }

    @Test
    void sequencesWrapAtIntMax() {
        send(7, 0, Integer.MAX_VALUE - 1, 2);
        assertThat(send(7, 0, 0, 1)).isInstanceOf(Check.Append.class);
    }

    @Test
    void unknownAndNonIdempotentProducersAreAccepted() {
        assertThat(send(-1, -1, -1, 1)).isInstanceOf(Check.Append.class);
        assertThat(send(-1, -1, -1, 1)).isInstanceOf(Check.Append.class);
        assertThat(send(99, 3, 42, 1)).isInstanceOf(Check.Append.class);
    }

    @Test
    void idleProducersExpire() {
        send(7, 0, 0, 1);
        state.removeExpired(1001L + 60_000);
        assertThat(state.producerCount()).isEqualTo(1);
        state.removeExpired(1002L + 60_001);
        assertThat(state.producerCount()).isZero();
    }
}
