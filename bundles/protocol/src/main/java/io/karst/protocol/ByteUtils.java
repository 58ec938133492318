package io.karst.protocol;

import java.nio.ByteBuffer;

/** Unsigned LEB128 varints: the lengths of compact types and the tags of tagged fields. */
public final class ByteUtils {
    private ByteUtils() {
    }

    public static int readUnsignedVarint(ByteBuffer buf) {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte b = buf.get();
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new ProtocolException("varint longer than 5 bytes");
    }

    public static void writeUnsignedVarint(ByteBuffer buf, int value) {
        while ((value & 0xffffff80) != 0) {
            buf.put((byte) ((value & 0x7f) | 0x80));
            value >>>= 7;
        }
        buf.put((byte) value);
    }

    public static int sizeOfUnsignedVarint(int value) {
        int bytes = 1;
        while ((value & 0xffffff80) != 0) {
            bytes++;
            value >>>= 7;
        }
        return bytes;
    }
}
