package io.karst.broker.internal;

import io.karst.api.codec.CompressionType;

import java.util.Locale;

/**
 * A topic's {@code compression.type}: {@code producer} keeps each batch in the codec its producer
 * chose; any other value is the codec every stored batch is converted to.
 */
enum TopicCompression {
    PRODUCER(null),
    UNCOMPRESSED(CompressionType.NONE),
    GZIP(CompressionType.GZIP),
    SNAPPY(CompressionType.SNAPPY),
    LZ4(CompressionType.LZ4),
    ZSTD(CompressionType.ZSTD);

    private final CompressionType codec;

    TopicCompression(CompressionType codec) {
        this.codec = codec;
    }

    /** The setting for a {@code compression.type} value that {@link TopicConfig} has validated. */
    static TopicCompression of(String configValue) {
        return valueOf(configValue.toUpperCase(Locale.ROOT));
    }

    /** The codec a batch sent in {@code sent} is stored in. */
    CompressionType target(CompressionType sent) {
        return codec == null ? sent : codec;
    }
}
