package io.karst.protocol;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The values of one struct of a message at one version, read and written through the message's
 * {@link Field} constants, so the compiler checks every value's type. Fields that the version lacks
 * hold their defaults, so handlers read every field without checking the version. A constant of
 * another struct is refused with {@link IllegalArgumentException}.
 */
public final class Struct {
    private final Schema schema;
    private final int version;
    private final Object[] values;

    Struct(Schema schema, int version) {
        this.schema = schema;
        this.version = version;
        this.values = new Object[schema.fieldCount()];
    }

    public Schema schema() {
        return schema;
    }

    public int version() {
        return version;
    }

    Object getAt(int i) {
        return values[i];
    }

    void setAt(int i, Object value) {
        values[i] = value;
    }

    /** A field's value, of the field's type. */
    @SuppressWarnings("unchecked")
    public <T> T get(Field<T> field) {
        return (T) values[schema.indexOf(field)];
    }

    /** Sets a field; returns this struct for chaining. */
    public <T> Struct set(Field<T> field, T value) {
        values[schema.indexOf(field)] = value;
        return this;
    }

    public boolean getBoolean(Field<Boolean> field) {
        return get(field);
    }

    public byte getByte(Field<Byte> field) {
        return get(field);
    }

    public short getShort(Field<Short> field) {
        return get(field);
    }

    public int getInt(Field<Integer> field) {
        return get(field);
    }

    public long getLong(Field<Long> field) {
        return get(field);
    }

    /** Appends a new element, at every field's default, to the array of structs {@code field}, and returns it. */
    @SuppressWarnings("unchecked")
    public Struct addElement(Field<List<Struct>> field) {
        int i = schema.indexOf(field);
        Struct element = schema.elementSchema(i).newStruct(version);
        List<Struct> list = (List<Struct>) values[i];
        if (list == null) {
            list = new ArrayList<>();
            values[i] = list;
        }
        list.add(element);
        return element;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        List<Field<?>> fields = schema.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object v = values[i];
            sb.append(fields.get(i).name()).append('=')
                    .append(v instanceof ByteBuffer b ? "<" + b.remaining() + " bytes>" : v);
        }
        return sb.append('}').toString();
    }
}
