package io.karst.protocol;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * One field of a message: its name (as in Kafka's protocol guide), type, the versions that carry
 * it, the versions in which it may be null, and its value in versions that lack it. {@code T} is
 * the Java type of its value, so {@link Struct#get(Field)} and {@link Struct#set(Field, Object)}
 * are checked by the compiler. A message declares each field once, as a constant, and reads and
 * writes through it.
 *
 * @param <T> the type of the field's value
 */
public final class Field<T> {
    private static final int NEVER = Short.MAX_VALUE;
    /** Marks a field whose default is its type's. */
    private static final Object TYPE_DEFAULT = new Object();

    private final String name;
    private final FieldType type;
    private final int minVersion;
    private final int maxVersion;
    private final int nullableFrom;
    private final Object defaultValue;

    private Field(String name, FieldType type, int minVersion, int maxVersion, int nullableFrom, Object defaultValue) {
        this.name = name;
        this.type = type;
        this.minVersion = minVersion;
        this.maxVersion = maxVersion;
        this.nullableFrom = nullableFrom;
        this.defaultValue = defaultValue;
    }

    /** A field present in every version, never null. */
    private static <T> Field<T> of(String name, FieldType type) {
        return new Field<>(name, type, 0, NEVER, NEVER, TYPE_DEFAULT);
    }

    public static Field<Boolean> bool(String name) {
        return of(name, FieldType.BOOLEAN);
    }

    public static Field<Byte> int8(String name) {
        return of(name, FieldType.INT8);
    }

    public static Field<Short> int16(String name) {
        return of(name, FieldType.INT16);
    }

    public static Field<Integer> int32(String name) {
        return of(name, FieldType.INT32);
    }

    public static Field<Long> int64(String name) {
        return of(name, FieldType.INT64);
    }

    public static Field<String> string(String name) {
        return of(name, FieldType.STRING);
    }

    /** Opaque bytes, read as a view of the request. */
    public static Field<ByteBuffer> bytes(String name) {
        return of(name, FieldType.BYTES);
    }

    /**
     * A record set. It is read as a {@link ByteBuffer} (a view of the request) and written from a
     * {@link ByteBuffer} or from an {@link io.karst.api.request.ResponsePart.FileRegion} sent from
     * the file, which have no common type but {@code Object}.
     */
    public static Field<Object> records(String name) {
        return of(name, FieldType.RECORDS);
    }

    /** An array of structs. */
    public static Field<List<Struct>> array(String name, Schema element) {
        return of(name, FieldType.arrayOf(element));
    }

    /** An array of int32 values (partition indexes, broker ids). */
    public static Field<List<Integer>> int32Array(String name) {
        return of(name, FieldType.arrayOf(FieldType.INT32));
    }

    /** An array of strings (names, keys). */
    public static Field<List<String>> stringArray(String name) {
        return of(name, FieldType.arrayOf(FieldType.STRING));
    }

    /** Present from {@code version} on. */
    public Field<T> since(int version) {
        return new Field<>(name, type, version, maxVersion, nullableFrom, defaultValue);
    }

    /** Present up to and including {@code version}. */
    public Field<T> until(int version) {
        return new Field<>(name, type, minVersion, version, nullableFrom, defaultValue);
    }

    /** May be null from {@code version} on. */
    public Field<T> nullableSince(int version) {
        return new Field<>(name, type, minVersion, maxVersion, version, defaultValue);
    }

    /** The value in versions that do not carry the field (may be null). */
    public Field<T> withDefault(T value) {
        return new Field<>(name, type, minVersion, maxVersion, nullableFrom, value);
    }

    public String name() {
        return name;
    }

    public FieldType type() {
        return type;
    }

    boolean presentIn(int version) {
        return version >= minVersion && version <= maxVersion;
    }

    boolean nullableIn(int version) {
        return version >= nullableFrom;
    }

    Object defaultValue() {
        return defaultValue == TYPE_DEFAULT ? type.defaultValue() : defaultValue;
    }

    @Override
    public String toString() {
        return name;
    }
}
