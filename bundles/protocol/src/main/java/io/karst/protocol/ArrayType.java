package io.karst.protocol;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** An array of elements of one type, read into a {@link List}. */
final class ArrayType extends FieldType {
    private final FieldType element;

    ArrayType(FieldType element) {
        this.element = element;
    }

    FieldType element() {
        return element;
    }

    @Override
    public Object read(ByteBuffer buf, boolean flexible, boolean nullable) {
        return read(buf, flexible, nullable, 0);
    }

    @Override
    public void write(FrameWriter out, Object value, boolean flexible, boolean nullable) {
        write(out, value, flexible, nullable, 0);
    }

    @Override
    public void size(Sizer sizer, Object value, boolean flexible, boolean nullable) {
        size(sizer, value, flexible, nullable, 0);
    }

    @Override
    public Object read(ByteBuffer buf, boolean flexible, boolean nullable, int version) {
        int count = readLength(buf, flexible, true);
        if (count < 0) {
            if (!nullable) {
                throw new ProtocolException("null in a non-nullable array");
            }
            return null;
        }
        // Every element takes at least one byte: a count beyond that is a lie, not an allocation to make.
        checkRemaining(buf, count, "array of " + count + " elements");
        List<Object> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(element.read(buf, flexible, false, version));
        }
        return list;
    }

    @Override
    public void write(FrameWriter out, Object value, boolean flexible, boolean nullable, int version) {
        if (value == null) {
            writeNull(out.buffer(), flexible, true);
            return;
        }
        List<?> list = (List<?>) value;
        writeLength(out.buffer(), list.size(), flexible, true);
        for (Object item : list) {
            element.write(out, item, flexible, false, version);
        }
    }

    @Override
    public void size(Sizer sizer, Object value, boolean flexible, boolean nullable, int version) {
        if (value == null) {
            sizer.add(flexible ? 1 : 4);
            return;
        }
        List<?> list = (List<?>) value;
        sizer.add(sizeOfLength(list.size(), flexible, true));
        for (Object item : list) {
            element.size(sizer, item, flexible, false, version);
        }
    }

    @Override
    public Object defaultValue() {
        return new ArrayList<>();
    }
}
