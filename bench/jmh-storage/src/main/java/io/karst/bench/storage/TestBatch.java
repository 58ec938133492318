package io.karst.bench.storage;

import io.karst.api.record.RecordBatch;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/** An uncompressed RecordBatch v2 of one record, sized to the byte, as a producer would send it. */
final class TestBatch {
    private TestBatch() {
    }

    /** A batch of exactly {@code size} bytes (at least 80) holding one record with a filler value. */
    static RecordBatch ofSize(int size) {
        int valueSize = size - RecordBatch.HEADER_SIZE - 16;
        byte[] record = record(valueSize);
        // the varint lengths depend on the value size: grow the value until the batch is exactly the size
        while (RecordBatch.HEADER_SIZE + record.length < size) {
            record = record(++valueSize);
        }
        ByteBuffer buf = ByteBuffer.allocate(RecordBatch.HEADER_SIZE + record.length);
        buf.putLong(0L).putInt(buf.capacity() - RecordBatch.LOG_OVERHEAD).putInt(-1).put(RecordBatch.CURRENT_MAGIC)
                .putInt(0).putShort((short) 0).putInt(0).putLong(1_700_000_000_000L).putLong(1_700_000_000_000L)
                .putLong(-1L).putShort((short) -1).putInt(-1).putInt(1).put(record);
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), RecordBatch.ATTRIBUTES, buf.capacity() - RecordBatch.ATTRIBUTES);
        buf.putInt(RecordBatch.CRC, (int) crc.getValue());
        return RecordBatch.wrap(buf.flip());
    }

    /** length, attributes, timestamp delta 0, offset delta 0, null key, value, no headers. */
    private static byte[] record(int valueSize) {
        ByteBuffer body = ByteBuffer.allocate(valueSize + 16);
        body.put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 1); // attributes, deltas, key -1
        varint(body, valueSize);
        body.put(new byte[valueSize]).put((byte) 0);
        ByteBuffer out = ByteBuffer.allocate(body.position() + 5);
        varint(out, body.position());
        out.put(body.flip());
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    private static void varint(ByteBuffer out, int value) {
        int v = (value << 1) ^ (value >> 31);
        while ((v & ~0x7F) != 0) {
            out.put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.put((byte) v);
    }
}
