package io.karst.broker.internal;

import io.karst.api.record.RecordBatch;

import java.nio.ByteBuffer;

/** Record batches for tests: a valid v2 header over opaque record bytes, CRC included. */
final class TestBatches {
    private TestBatches() {
    }

    static ByteBuffer batch(long producerId, short epoch, int baseSequence, int records) {
        int payload = records * 8;
        ByteBuffer buf = ByteBuffer.allocate(RecordBatch.HEADER_SIZE + payload);
        buf.putLong(0L)
                .putInt(RecordBatch.HEADER_SIZE + payload - RecordBatch.LOG_OVERHEAD)
                .putInt(-1)
                .put((byte) 2)
                .putInt(0)
                .putShort((short) 0)
                .putInt(records - 1)
                .putLong(1000L)
                .putLong(1000L + records)
                .putLong(producerId)
                .putShort(epoch)
                .putInt(baseSequence)
                .putInt(records);
        buf.position(0);
        RecordBatch view = RecordBatch.wrap(buf);
        buf.putInt(RecordBatch.CRC, (int) view.computeChecksum());
        return buf;
    }

    static RecordBatch view(long producerId, short epoch, int baseSequence, int records, long baseOffset) {
        RecordBatch b = RecordBatch.wrap(batch(producerId, epoch, baseSequence, records));
        b.setBaseOffset(baseOffset);
        return b;
    }
}
