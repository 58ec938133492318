package io.karst.broker.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.log.LogConfig;
import io.karst.api.record.RecordBatch;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchValidatorTest {
    private final TopicSettings settings = TopicSettings.of(BrokerConfig.fromMap(Map.of()), LogConfig.DEFAULTS,
            Map.of("max.message.bytes", "1000"));

    private static void assertRejected(ByteBuffer records, int version, Errors error) {
        TopicSettings s = TopicSettings.of(BrokerConfig.fromMap(Map.of()), LogConfig.DEFAULTS,
                Map.of("max.message.bytes", "1000"));
        assertThatThrownBy(() -> BatchValidator.validate(records, version, s))
                .isInstanceOfSatisfying(KarstException.class, e -> assertThat(e.error()).isEqualTo(error));
    }

    @Test
    void aWellMadeBatchPasses() {
        RecordBatch batch = BatchValidator.validate(TestBatches.batch(1, (short) 0, 0, 3), 7, settings);
        assertThat(batch.recordsCount()).isEqualTo(3);
    }

    @Test
    void aFlippedByteFailsTheCrc() {
        ByteBuffer b = TestBatches.batch(1, (short) 0, 0, 3);
        b.put(RecordBatch.HEADER_SIZE + 2, (byte) 0x5a);
        assertRejected(b, 7, Errors.CORRUPT_MESSAGE);
    }

    @Test
    void aBatchOverMaxMessageBytesIsTooLarge() {
        assertRejected(TestBatches.batch(1, (short) 0, 0, 200), 7, Errors.MESSAGE_TOO_LARGE);
    }

    @Test
    void twoBatchesInOnePartitionAreInvalid() {
        ByteBuffer one = TestBatches.batch(1, (short) 0, 0, 1);
        ByteBuffer two = ByteBuffer.allocate(one.remaining() * 2).put(one.duplicate()).put(one.duplicate()).flip();
        assertRejected(two, 7, Errors.INVALID_RECORD);
    }

    @Test
    void aTruncatedBatchIsCorrupt() {
        ByteBuffer b = TestBatches.batch(1, (short) 0, 0, 3);
        assertRejected(b.slice(0, b.remaining() - 4), 7, Errors.CORRUPT_MESSAGE);
        assertRejected(ByteBuffer.allocate(0), 7, Errors.CORRUPT_MESSAGE);
    }

    @Test
    void anIdempotentBatchNeedsASequence() {
        assertRejected(TestBatches.batch(1, (short) 0, -1, 1), 7, Errors.INVALID_RECORD);
    }

    @Test
    void zstdNeedsProduceV7() {
        ByteBuffer b = TestBatches.batch(-1, (short) -1, -1, 1);
        b.putShort(RecordBatch.ATTRIBUTES, (short) 4);
        b.putInt(RecordBatch.CRC, (int) RecordBatch.wrap(b).computeChecksum());
        assertRejected(b.duplicate(), 6, Errors.UNSUPPORTED_COMPRESSION_TYPE);
        assertThat(BatchValidator.validate(b.duplicate(), 7, settings).compressionId()).isEqualTo(4);
    }
}
