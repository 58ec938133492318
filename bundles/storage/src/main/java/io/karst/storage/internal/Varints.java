package io.karst.storage.internal;

import io.karst.api.record.InvalidRecordBatchException;

import java.nio.ByteBuffer;

/** Zig-zag LEB128 varints, the integer encoding inside Kafka records. */
final class Varints {
    private Varints() {
    }

    /** Reads a zig-zag varlong at the buffer's position and moves past it. */
    static long readVarlong(ByteBuffer buf) {
        long raw = 0;
        int shift = 0;
        while (true) {
            if (!buf.hasRemaining()) {
                throw new InvalidRecordBatchException("a record varint is cut short");
            }
            byte b = buf.get();
            raw |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
            shift += 7;
            if (shift > 63) {
                throw new InvalidRecordBatchException("a record varint is longer than 10 bytes");
            }
        }
    }

    /** Reads a zig-zag varint that must fit an int. */
    static int readVarint(ByteBuffer buf) {
        long value = readVarlong(buf);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new InvalidRecordBatchException("record varint " + value + " does not fit 32 bits");
        }
        return (int) value;
    }

    static void writeVarlong(ByteBuffer buf, long value) {
        long v = (value << 1) ^ (value >> 63);
        while ((v & ~0x7FL) != 0) {
            buf.put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        buf.put((byte) v);
    }

    static int sizeOfVarlong(long value) {
        long v = (value << 1) ^ (value >> 63);
        int bytes = 1;
        while ((v & ~0x7FL) != 0) {
            bytes++;
            v >>>= 7;
        }
        return bytes;
    }
}
