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
        byte first = nextByte(buf);
        if (first >= 0) {
            return first; // one byte: most fields of a record (attributes, small deltas, lengths under 64)
        }
        long value = first & 0x7f;
        for (int i = 1; i < maxBytes; i++) {
            byte b = nextByte(buf);
            value |= (long) (b & 0x7f) << (7 * i);
            if (b >= 0) {
                return value;
            }
        }
        throw new InvalidRecordBatchException("varint longer than " + maxBytes + " bytes");
    }

    private static byte nextByte(ByteBuffer buf) {
        if (!buf.hasRemaining()) {
            throw new InvalidRecordBatchException("a record varint is cut short");
        }
        return buf.get();
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
