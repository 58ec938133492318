package io.karst.storage.internal;

import io.karst.api.record.RecordBatch;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Builds uncompressed RecordBatch v2 bytes by hand, as a producer would send them: relative offsets from
 * 0, CreateTime timestamps one millisecond apart, no producer id.
 */
final class TestBatches {
    private TestBatches() {
    }

    /** A batch of {@code records} records, each with a {@code valueSize}-byte value and no key. */
    static RecordBatch batch(int records, long baseTimestamp, int valueSize) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < records; i++) {
            ByteArrayOutputStream record = new ByteArrayOutputStream();
            record.write(0);                  // attributes
            writeVarlong(record, i);          // timestamp delta
            writeVarlong(record, i);          // offset delta
            writeVarlong(record, -1);         // null key
            writeVarlong(record, valueSize);
            for (int b = 0; b < valueSize; b++) {
                record.write('a' + (i + b) % 26);
            }
            writeVarlong(record, 0);          // no headers
            writeVarlong(body, record.size());
            body.writeBytes(record.toByteArray());
        }
        ByteBuffer buf = ByteBuffer.allocate(RecordBatch.HEADER_SIZE + body.size());
        buf.putLong(0L)                                   // base offset
                .putInt(buf.capacity() - RecordBatch.LOG_OVERHEAD)
                .putInt(-1)                               // partition leader epoch
                .put(RecordBatch.CURRENT_MAGIC)
                .putInt(0)                                // crc, below
                .putShort((short) 0)                      // attributes: no codec, CreateTime
                .putInt(records - 1)                      // last offset delta
                .putLong(baseTimestamp)
                .putLong(baseTimestamp + records - 1)     // max timestamp
                .putLong(-1L)                             // producer id
                .putShort((short) -1)                     // producer epoch
                .putInt(-1)                               // base sequence
                .putInt(records)
                .put(body.toByteArray());
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), RecordBatch.ATTRIBUTES, buf.capacity() - RecordBatch.ATTRIBUTES);
        buf.putInt(RecordBatch.CRC, (int) crc.getValue());
        return RecordBatch.wrap(buf.flip());
    }

    /** Zig-zag LEB128, the varint of Kafka records. */
    private static void writeVarlong(ByteArrayOutputStream out, long value) {
        long v = (value << 1) ^ (value >> 63);
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
