package io.karst.protocol;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fills every field a version carries with a value unlike its default and unlike every other
 * value in the message, arrays with two elements each, walking any schema without knowing its
 * names; and compares two structs field by field.
 */
final class PopulatedStructs {
    private static final int ELEMENTS = 2;

    private int next = 1;

    /** A struct of {@code schema} at {@code version} with every field it carries set. */
    Struct populate(Schema schema, int version) {
        Struct struct = schema.newStruct(version);
        for (int i = 0; i < schema.fieldCount(); i++) {
            Field<?> field = schema.field(i);
            if (field.presentIn(version)) {
                struct.setAt(i, valueOf(field.type(), version));
            }
        }
        return struct;
    }

    private Object valueOf(FieldType type, int version) {
        int n = next++;
        if (type instanceof Schema nested) {
            return populate(nested, version);
        }
        if (type instanceof ArrayType array) {
            List<Object> elements = new ArrayList<>(ELEMENTS);
            for (int i = 0; i < ELEMENTS; i++) {
                elements.add(valueOf(array.element(), version));
            }
            return elements;
        }
        if (type == FieldType.BOOLEAN) {
            return Boolean.TRUE;
        }
        if (type == FieldType.INT8) {
            return (byte) n;
        }
        if (type == FieldType.INT16) {
            return (short) n;
        }
        if (type == FieldType.INT32) {
            return 100_000 + n;
        }
        if (type == FieldType.INT64) {
            return 10_000_000_000L + n;
        }
        if (type == FieldType.UUID_TYPE) {
            return new UUID(n, -n);
        }
        if (type == FieldType.STRING) {
            return "value-" + n;
        }
        if (type == FieldType.BYTES || type == FieldType.RECORDS) {
            byte[] bytes = new byte[3 + n % 5];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (n + i);
            }
            return ByteBuffer.wrap(bytes);
        }
        throw new IllegalArgumentException("no sample value for " + type);
    }

    /** Asserts that {@code actual} holds what {@code expected} holds in every field its version carries. */
    static void assertSameValues(Struct actual, Struct expected, String path) {
        Schema schema = expected.schema();
        assertThat(actual.schema()).as(path).isSameAs(schema);
        for (int i = 0; i < schema.fieldCount(); i++) {
            Field<?> field = schema.field(i);
            if (field.presentIn(expected.version())) {
                assertSameValue(actual.getAt(i), expected.getAt(i), path + "." + field.name());
            }
        }
    }

    private static void assertSameValue(Object actual, Object expected, String path) {
        if (expected instanceof Struct e) {
            assertThat(actual).as(path).isInstanceOf(Struct.class);
            assertSameValues((Struct) actual, e, path);
        } else if (expected instanceof List<?> e) {
            assertThat(actual).as(path).isInstanceOf(List.class);
            List<?> a = (List<?>) actual;
            assertThat(a).as(path).hasSameSizeAs(e);
            for (int i = 0; i < e.size(); i++) {
                assertSameValue(a.get(i), e.get(i), path + "[" + i + "]");
            }
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }
}
