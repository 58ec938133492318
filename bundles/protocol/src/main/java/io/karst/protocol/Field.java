package io.karst.protocol;

/**
 * One field of a message: its name (as in Kafka's protocol guide), type, the versions that carry
 * it, the versions in which it may be null, and its value in versions that lack it.
 */
public final class Field {
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
    public static Field of(String name, FieldType type) {
        return new Field(name, type, 0, NEVER, NEVER, TYPE_DEFAULT);
    }

    /** An array of structs. */
    public static Field array(String name, Schema element) {
        return of(name, FieldType.arrayOf(element));
    }

    /** An array of plain values (int32 ids, strings). */
    public static Field array(String name, FieldType element) {
        return of(name, FieldType.arrayOf(element));
    }

    /** Present from {@code version} on. */
    public Field since(int version) {
        return new Field(name, type, version, maxVersion, nullableFrom, defaultValue);
    }

    /** Present up to and including {@code version}. */
    public Field until(int version) {
        return new Field(name, type, minVersion, version, nullableFrom, defaultValue);
    }

    /** May be null from {@code version} on. */
    public Field nullableSince(int version) {
        return new Field(name, type, minVersion, maxVersion, version, defaultValue);
    }

    /** The value in versions that do not carry the field (may be null). */
    public Field withDefault(Object value) {
        return new Field(name, type, minVersion, maxVersion, nullableFrom, value);
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
}
