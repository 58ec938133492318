package io.karst.api.record;

import java.nio.ByteBuffer;

/**
 * Zig-zag LEB128 varints, as the fields inside a record use them. A varint cut short or too long
 * is an {@link InvalidRecordBatchException}.
 */
public final class Varints {
    private Varints() {
    }

    public static int readVarint(ByteBuffer buf) {
        long raw = readUnsigned(buf, 5);
        int value = (int) raw;
        return (value >>> 1) ^ -(value & 1);
    }

    public static long readVarlong(ByteBuffer buf) {
        long raw = readUnsigned(buf, 10);
        return (raw >>> 1) ^ -(raw & 1);
    }

    private static long readUnsigned(ByteBuffer buf, int maxBytes) {
        long value = 0;
        for (int i = 0; i < maxBytes; i++) {
            if (!buf.hasRemaining()) {
                throw new InvalidRecordBatchException("a record varint is cut short");
            }
            byte b = buf.get();
            value |= (long) (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new InvalidRecordBatchException("varint longer than " + maxBytes + " bytes");
    }

    public static void writeVarint(ByteBuffer buf, int value) {
        writeVarlong(buf, value);
    }

    public static void writeVarlong(ByteBuffer buf, long value) {
        long v = (value << 1) ^ (value >> 63);
        while ((v & ~0x7fL) != 0) {
            buf.put((byte) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        buf.put((byte) v);
    }

    public static int sizeOfVarint(int value) {
        return sizeOfVarlong(value);
    }

    public static int sizeOfVarlong(long value) {
        long v = (value << 1) ^ (value >> 63);
        int bytes = 1;
        while ((v & ~0x7fL) != 0) {
            bytes++;
            v >>>= 7;
        }
        return bytes;
    }
}
