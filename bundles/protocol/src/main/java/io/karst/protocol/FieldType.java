package io.karst.protocol;

import io.karst.api.request.ResponsePart;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * How one kind of value is laid out on the wire, in classic and in flexible versions. Nullable
 * kinds (strings, bytes, records, arrays) write -1 (classic) or 0 (compact) for null.
 */
public abstract class FieldType {

    /** Reads a value. */
    public abstract Object read(ByteBuffer buf, boolean flexible, boolean nullable);

    /** Writes a value of this type. */
    public abstract void write(FrameWriter out, Object value, boolean flexible, boolean nullable);

    /** Adds the encoded size of {@code value} to {@code sizer}. */
    public abstract void size(Sizer sizer, Object value, boolean flexible, boolean nullable);

    /** The value a field of this type has in versions that lack it. */
    public abstract Object defaultValue();

    // Versioned forms: only structs (and arrays of them) look at the version.

    /** Reads a value inside a message of {@code version}. */
    public Object read(ByteBuffer buf, boolean flexible, boolean nullable, int version) {
        return read(buf, flexible, nullable);
    }

    /** Writes a value inside a message of {@code version}. */
    public void write(FrameWriter out, Object value, boolean flexible, boolean nullable, int version) {
        write(out, value, flexible, nullable);
    }

    /** Sizes a value inside a message of {@code version}. */
    public void size(Sizer sizer, Object value, boolean flexible, boolean nullable, int version) {
        size(sizer, value, flexible, nullable);
    }

    public static final FieldType BOOLEAN = new Fixed(1, false) {
        @Override
        public Object read(ByteBuffer buf, boolean flexible, boolean nullable) {
            return buf.get() != 0;
        }

        @Override
        public void write(FrameWriter out, Object value, boolean flexible, boolean nullable) {
            out.buffer().put((byte) ((Boolean) value ? 1 : 0));
        }
    };

    public static final FieldType INT8 = new Fixed(1, (byte) 0) {
        @Override
        public Object read(ByteBuffer buf, boolean flexible, boolean nullable) {
            return buf.get();
        }

        @Override
        public void write(FrameWriter out, Object value, boolean flexible, boolean nullable) {
            out.buffer().put(((Number) value).byteValue());
        }
    };

    public static final FieldType INT16 = new Fixed(2, (short) 0) {
        @Override
        public Object read(ByteBuffer buf, boolean flexible, boolean nullable) {
            return buf.getShort();
        }

        @Override
        public void write(FrameWriter out, Object value, boolean flexible, boolean nullable) {
            out.buffer().putShort(((Number) value).shortValue());
        }
    };

    public static final FieldType INT32 = new Fixed(4, 0) {
        @Override
        public Object read(ByteBuffer buf, boolean flexible, boolean nullable) {
            return buf.getInt();
        }

        @Override
        public void write(FrameWriter out, Object value, boolean flexible, boolean nullable) {
            out.buffer().putInt(((Number) value).intValue());
        }
    };

    public static final FieldType INT64 = new Fixed(8, 0L) {
        @Override
        public Object read(ByteBuffer buf, boolean flexible, boolean nullable) {
            return buf.getLong();
        }

        @Override
        public void write(FrameWriter out, Object value, boolean flexible, boolean nullable) {
            out.buffer().putLong(((Number) value).longValue());
        }
    };

    public static final FieldType UUID_TYPE = new Fixed(16, new UUID(0, 0)) {
        @Override
        public Object read(ByteBuffer buf, boolean flexible, boolean nullable) {
            return new UUID(buf.getLong(), buf.getLong());
        }

        @Override
        public void write(FrameWriter out, Object value, boolean flexible, boolean nullable) {
            UUID uuid = (UUID) value;
            out.buffer().putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        }
    };

    /** UTF-8 text: int16 length (classic) or unsigned varint length + 1 (compact). */
    public static final FieldType STRING = new FieldType() {
        @Override
        public Object read(ByteBuffer buf, boolean flexible, boolean nullable) {
            int length = readLength(buf, flexible, false);
            if (length < 0) {
                if (!nullable) {
                    throw new ProtocolException("null in a non-nullable string");
                }
                return null;
            }
            checkRemaining(buf, length, "string");
            if (buf.hasArray()) {
                String s = new String(buf.array(), buf.arrayOffset() + buf.position(), length, StandardCharsets.UTF_8);
                buf.position(buf.position() + length);
                return s;
            }
            byte[] bytes = new byte[length];
            buf.get(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public void write(FrameWriter out, Object value, boolean flexible, boolean nullable) {
            if (value == null) {
                writeNull(out.buffer(), flexible, false);
                return;
            }
            byte[] bytes = ((String) value).getBytes(StandardCharsets.UTF_8);
            writeLength(out.buffer(), bytes.length, flexible, false);
            out.buffer().put(bytes);
        }

        @Override
        public void size(Sizer sizer, Object value, boolean flexible, boolean nullable) {
            if (value == null) {
                sizer.add(flexible ? 1 : 2);
                return;
            }
            int length = utf8Length((String) value);
            sizer.add(sizeOfLength(length, flexible, false) + length);
        }

        @Override
        public Object defaultValue() {
            return "";
        }
    };

    /** Opaque bytes: int32 length (classic) or unsigned varint length + 1; read as a view, not a copy. */
    public static final FieldType BYTES = new Blob(false);

    /**
     * A record set: read as bytes (a view of the request); written from a {@link ByteBuffer} or a
     * {@link ResponsePart.FileRegion} that is sent from the file.
     */
    public static final FieldType RECORDS = new Blob(true);

    /** An array of {@code element}: int32 count (classic) or unsigned varint count + 1. */
    public static FieldType arrayOf(FieldType element) {
        return new ArrayType(element);
    }

    // ---- shared length encodings ----

    static int readLength(ByteBuffer buf, boolean flexible, boolean wide) {
        if (flexible) {
            return ByteUtils.readUnsignedVarint(buf) - 1;
        }
        return wide ? buf.getInt() : buf.getShort();
    }

    static void writeLength(ByteBuffer buf, int length, boolean flexible, boolean wide) {
        if (flexible) {
            ByteUtils.writeUnsignedVarint(buf, length + 1);
        } else if (wide) {
            buf.putInt(length);
        } else {
            buf.putShort((short) length);
        }
    }

    static void writeNull(ByteBuffer buf, boolean flexible, boolean wide) {
        writeLength(buf, -1, flexible, wide);
    }

    static int sizeOfLength(int length, boolean flexible, boolean wide) {
        if (flexible) {
            return ByteUtils.sizeOfUnsignedVarint(length + 1);
        }
        return wide ? 4 : 2;
    }

    static void checkRemaining(ByteBuffer buf, int length, String what) {
        if (length > buf.remaining()) {
            throw new ProtocolException(what + " of " + length + " bytes but only " + buf.remaining() + " remain");
        }
    }

    private static int utf8Length(String s) {
        int length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c)) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    /** A fixed-size number or id. */
    private abstract static class Fixed extends FieldType {
        private final int size;
        private final Object defaultValue;

        Fixed(int size, Object defaultValue) {
            this.size = size;
            this.defaultValue = defaultValue;
        }

        @Override
        public void size(Sizer sizer, Object value, boolean flexible, boolean nullable) {
            sizer.add(size);
        }

        @Override
        public Object defaultValue() {
            return defaultValue;
        }
    }

    /** Bytes or records. */
    private static final class Blob extends FieldType {
        private final boolean records;

        Blob(boolean records) {
            this.records = records;
        }

        @Override
        public Object read(ByteBuffer buf, boolean flexible, boolean nullable) {
            int length = readLength(buf, flexible, true);
            if (length < 0) {
                if (!nullable) {
                    throw new ProtocolException("null in non-nullable bytes");
                }
                return null;
            }
            checkRemaining(buf, length, records ? "records" : "bytes");
            ByteBuffer view = buf.slice(buf.position(), length);
            buf.position(buf.position() + length);
            return view;
        }

        @Override
        public void write(FrameWriter out, Object value, boolean flexible, boolean nullable) {
            if (value == null) {
                writeNull(out.buffer(), flexible, true);
            } else if (value instanceof ResponsePart.FileRegion region) {
                writeLength(out.buffer(), Math.toIntExact(region.count()), flexible, true);
                out.fileRegion(region);
            } else {
                ByteBuffer bytes = ((ByteBuffer) value).duplicate();
                writeLength(out.buffer(), bytes.remaining(), flexible, true);
                out.buffer().put(bytes);
            }
        }

        @Override
        public void size(Sizer sizer, Object value, boolean flexible, boolean nullable) {
            if (value == null) {
                sizer.add(flexible ? 1 : 4);
            } else if (value instanceof ResponsePart.FileRegion region) {
                sizer.add(sizeOfLength(Math.toIntExact(region.count()), flexible, true));
            } else {
                int length = ((ByteBuffer) value).remaining();
                sizer.add(sizeOfLength(length, flexible, true) + length);
            }
        }

        @Override
        public Object defaultValue() {
            return records ? null : ByteBuffer.allocate(0);
        }
    }
}
