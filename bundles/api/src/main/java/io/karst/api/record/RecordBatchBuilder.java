package io.karst.api.record;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one uncompressed RecordBatch v2 without a producer id (base offset 0, CreateTime), the
 * way a plain producer writes it: for records the broker writes itself (the group coordinator's
 * offsets log, the console producer).
 */
public final class RecordBatchBuilder {
    private record Pending(long timestamp, byte[] key, byte[] value, List<Header> headers) {
    }

    private final List<Pending> records = new ArrayList<>();

    /** Adds a record; {@code key} and {@code value} may be null (a null value is a tombstone). */
    public RecordBatchBuilder add(long timestamp, byte[] key, byte[] value, List<Header> headers) {
        records.add(new Pending(timestamp, key, value, List.copyOf(headers)));
        return this;
    }

    public boolean isEmpty() {
        return records.isEmpty();
    }

    /**
     * The batch, signed with its CRC.
     *
     * @throws IllegalStateException when no record was added
     */
    public RecordBatch build() {
        if (records.isEmpty()) {
            throw new IllegalStateException("a record batch needs at least one record");
        }
        long baseTimestamp = records.get(0).timestamp;
        long maxTimestamp = baseTimestamp;
        int size = RecordBatch.HEADER_SIZE;
        for (int i = 0; i < records.size(); i++) {
            Pending r = records.get(i);
            maxTimestamp = Math.max(maxTimestamp, r.timestamp);
            int body = bodySize(r, i, r.timestamp - baseTimestamp);
            size += Varints.sizeOfVarint(body) + body;
        }
        ByteBuffer buf = ByteBuffer.allocate(size);
        buf.putLong(0L)                                  // baseOffset
                .putInt(size - RecordBatch.LOG_OVERHEAD)  // batchLength
                .putInt(-1)                               // partitionLeaderEpoch
                .put(RecordBatch.CURRENT_MAGIC)
                .putInt(0)                                // crc, set below
                .putShort((short) 0)                      // attributes: no codec, CreateTime
                .putInt(records.size() - 1)               // lastOffsetDelta
                .putLong(baseTimestamp)
                .putLong(maxTimestamp)
                .putLong(RecordBatch.NO_PRODUCER_ID)
                .putShort((short) -1)                     // producerEpoch
                .putInt(RecordBatch.NO_SEQUENCE)
                .putInt(records.size());
        for (int i = 0; i < records.size(); i++) {
            Pending r = records.get(i);
            long timestampDelta = r.timestamp - baseTimestamp;
            Varints.writeVarint(buf, bodySize(r, i, timestampDelta));
            buf.put((byte) 0); // record attributes
            Varints.writeVarlong(buf, timestampDelta);
            Varints.writeVarint(buf, i);
            writeBytes(buf, r.key);
            writeBytes(buf, r.value);
            Varints.writeVarint(buf, r.headers.size());
            for (Header h : r.headers) {
                writeBytes(buf, h.key().getBytes(StandardCharsets.UTF_8));
                writeBytes(buf, h.value());
            }
        }
        buf.flip();
        RecordBatch batch = RecordBatch.wrap(buf);
        buf.putInt(RecordBatch.CRC, (int) batch.computeChecksum());
        return batch;
    }

    private static int bodySize(Pending r, int offsetDelta, long timestampDelta) {
        int size = 1 + Varints.sizeOfVarlong(timestampDelta) + Varints.sizeOfVarint(offsetDelta)
                + sizeOfBytes(r.key) + sizeOfBytes(r.value) + Varints.sizeOfVarint(r.headers.size());
        for (Header h : r.headers) {
            size += sizeOfBytes(h.key().getBytes(StandardCharsets.UTF_8)) + sizeOfBytes(h.value());
        }
        return size;
    }

    private static int sizeOfBytes(byte[] bytes) {
        return bytes == null ? Varints.sizeOfVarint(-1) : Varints.sizeOfVarint(bytes.length) + bytes.length;
    }

    private static void writeBytes(ByteBuffer buf, byte[] bytes) {
        if (bytes == null) {
            Varints.writeVarint(buf, -1);
        } else {
            Varints.writeVarint(buf, bytes.length);
            buf.put(bytes);
        }
    }
}
