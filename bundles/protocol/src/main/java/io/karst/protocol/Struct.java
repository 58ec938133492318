package io.karst.protocol;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The values of one struct of a message at one version, by field name. Fields that the version
 * lacks hold their defaults, so handlers read every field without checking the version.
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

    public Object get(String field) {
        return values[schema.indexOf(field)];
    }

    /** Sets a field; returns this struct for chaining. */
    public Struct set(String field, Object value) {
        values[schema.indexOf(field)] = value;
        return this;
    }

    public boolean getBoolean(String field) {
        return (Boolean) get(field);
    }

    public byte getByte(String field) {
        return ((Number) get(field)).byteValue();
    }

    public short getShort(String field) {
        return ((Number) get(field)).shortValue();
    }

    public int getInt(String field) {
        return ((Number) get(field)).intValue();
    }

    public long getLong(String field) {
        return ((Number) get(field)).longValue();
    }

    public String getString(String field) {
        return (String) get(field);
    }

    public UUID getUuid(String field) {
        return (UUID) get(field);
    }

    /** Bytes or records as a view of the request (null when the field is null). */
    public ByteBuffer getBytes(String field) {
        return (ByteBuffer) get(field);
    }

    /** An array of structs; null only for a nullable array sent as null. */
    @SuppressWarnings("unchecked")
    public List<Struct> getStructs(String field) {
        return (List<Struct>) get(field);
    }

    /** An array of plain values (int32 ids, strings). */
    @SuppressWarnings("unchecked")
    public <T> List<T> getList(String field) {
        return (List<T>) get(field);
    }

    /** Appends a new element, at every field's default, to the array of structs {@code field}, and returns it. */
    @SuppressWarnings("unchecked")
    public Struct addElement(String field) {
        int i = schema.indexOf(field);
        Struct element = schema.elementSchema(field).newStruct(version);
        List<Object> list = (List<Object>) values[i];
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
        List<Field> fields = schema.fields();
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
