package io.karst.protocol;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A struct's fields in wire order. The same declaration reads, writes and sizes every version;
 * a version is flexible or not as decided by the message that contains the struct, and in
 * flexible versions every struct ends with a tagged-field block (unknown tags are skipped; none
 * are written).
 */
public final class Schema extends FieldType {
    private final Field<?>[] fields;
    /**
     * A field's position, found by the identity of its constant: a lookup hashes no string and
     * allocates nothing, and a constant of another struct (even one of the same name) is not found.
     */
    private final Map<Field<?>, Integer> index = new IdentityHashMap<>();

    public Schema(Field<?>... fields) {
        this.fields = fields.clone();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fields.length; i++) {
            if (!names.add(fields[i].name())) {
                throw new IllegalArgumentException("field " + fields[i].name() + " declared twice");
            }
            index.put(fields[i], i);
        }
    }

    int indexOf(Field<?> field) {
        Integer i = index.get(field);
        if (i == null) {
            throw new IllegalArgumentException("no field '" + field.name() + "' in " + fields());
        }
        return i;
    }

    Field<?> field(int i) {
        return fields[i];
    }

    int fieldCount() {
        return fields.length;
    }

    /** The element schema of the array field at {@code i}. */
    Schema elementSchema(int i) {
        FieldType type = fields[i].type();
        if (type instanceof ArrayType array && array.element() instanceof Schema element) {
            return element;
        }
        throw new IllegalArgumentException("field '" + fields[i].name() + "' is not an array of structs");
    }

    /** Reads a struct of {@code version}; the message decides {@code flexible}. */
    public Struct read(ByteBuffer buf, int version, boolean flexible) {
        Struct struct = new Struct(this, version);
        for (int i = 0; i < fields.length; i++) {
            Field<?> f = fields[i];
            if (f.presentIn(version)) {
                struct.setAt(i, f.type().read(buf, flexible, f.nullableIn(version), version));
            } else {
                struct.setAt(i, f.defaultValue());
            }
        }
        if (flexible) {
            skipTaggedFields(buf);
        }
        return struct;
    }

    /** Writes {@code struct} as {@code version}. */
    public void write(FrameWriter out, Struct struct, int version, boolean flexible) {
        for (int i = 0; i < fields.length; i++) {
            Field<?> f = fields[i];
            if (f.presentIn(version)) {
                f.type().write(out, struct.getAt(i), flexible, f.nullableIn(version), version);
            }
        }
        if (flexible) {
            ByteUtils.writeUnsignedVarint(out.buffer(), 0);
        }
    }

    /** Adds the size of {@code struct} written as {@code version}. */
    public void size(Sizer sizer, Struct struct, int version, boolean flexible) {
        for (int i = 0; i < fields.length; i++) {
            Field<?> f = fields[i];
            if (f.presentIn(version)) {
                f.type().size(sizer, struct.getAt(i), flexible, f.nullableIn(version), version);
            }
        }
        if (flexible) {
            sizer.add(1);
        }
    }

    static void skipTaggedFields(ByteBuffer buf) {
        int count = ByteUtils.readUnsignedVarint(buf);
        for (int i = 0; i < count; i++) {
            ByteUtils.readUnsignedVarint(buf); // tag
            int size = ByteUtils.readUnsignedVarint(buf);
            checkRemaining(buf, size, "tagged field");
            buf.position(buf.position() + size);
        }
    }

    // As an array element, a struct carries the version down to its fields.

    @Override
    public Object read(ByteBuffer buf, boolean flexible, boolean nullable) {
        throw new UnsupportedOperationException("structs are read with a version");
    }

    @Override
    public void write(FrameWriter out, Object value, boolean flexible, boolean nullable) {
        throw new UnsupportedOperationException("structs are written with a version");
    }

    @Override
    public void size(Sizer sizer, Object value, boolean flexible, boolean nullable) {
        throw new UnsupportedOperationException("structs are sized with a version");
    }

    @Override
    public Object read(ByteBuffer buf, boolean flexible, boolean nullable, int version) {
        return read(buf, version, flexible);
    }

    @Override
    public void write(FrameWriter out, Object value, boolean flexible, boolean nullable, int version) {
        write(out, (Struct) value, version, flexible);
    }

    @Override
    public void size(Sizer sizer, Object value, boolean flexible, boolean nullable, int version) {
        size(sizer, (Struct) value, version, flexible);
    }

    @Override
    public Object defaultValue() {
        return null;
    }

    /** A new empty struct of this schema for {@code version}, every field at its default. */
    public Struct newStruct(int version) {
        Struct struct = new Struct(this, version);
        for (int i = 0; i < fields.length; i++) {
            struct.setAt(i, fields[i].defaultValue());
        }
        return struct;
    }

    List<Field<?>> fields() {
        return List.of(fields);
    }
}
