package io.karst.api.codec;

import java.util.Locale;

/** Kafka's batch compression codecs by id (the low three bits of a batch's attributes) and name. */
public enum CompressionType {
    NONE(0, "none"),
    GZIP(1, "gzip"),
    SNAPPY(2, "snappy"),
    LZ4(3, "lz4"),
    ZSTD(4, "zstd");

    private final int id;
    private final String kafkaName;

    CompressionType(int id, String kafkaName) {
        this.id = id;
        this.kafkaName = kafkaName;
    }

    public int id() {
        return id;
    }

    /** Kafka's name, as producers' {@code compression.type} spells it. */
    public String kafkaName() {
        return kafkaName;
    }

    /**
     * The codec with Kafka's id {@code id}.
     *
     * @throws IllegalArgumentException for an id Kafka does not define (5-7)
     */
    public static CompressionType forId(int id) {
        for (CompressionType type : values()) {
            if (type.id == id) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown compression codec id " + id);
    }

    /**
     * The codec Kafka calls {@code name} (any case).
     *
     * @throws IllegalArgumentException for a name Kafka does not define
     */
    public static CompressionType forName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (CompressionType type : values()) {
            if (type.kafkaName.equals(lower)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown compression codec " + name);
    }

    @Override
    public String toString() {
        return kafkaName;
    }
}
