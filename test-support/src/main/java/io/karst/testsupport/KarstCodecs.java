package io.karst.testsupport;

import io.karst.api.codec.Codec;
import io.karst.codec.gzip.internal.GzipCodec;
import io.karst.codec.lz4.internal.Lz4Codec;
import io.karst.codec.snappy.internal.SnappyCodec;
import io.karst.codec.zstd.internal.ZstdCodec;

import java.util.List;

/**
 * The four compression codecs as their bundles register them, each a new instance. Every one is also
 * {@link AutoCloseable}: closing it releases its pooled contexts, some of them native memory.
 */
public final class KarstCodecs {
    /** Kafka's names of the codecs, in Kafka's id order. */
    public static final List<String> NAMES = List.of("gzip", "snappy", "lz4", "zstd");

    private KarstCodecs() {
    }

    /** The codec with Kafka's name {@code name}: gzip, snappy, lz4 or zstd. */
    public static Codec named(String name) {
        return switch (name) {
            case "gzip" -> new GzipCodec();
            case "snappy" -> new SnappyCodec();
            case "lz4" -> new Lz4Codec();
            case "zstd" -> new ZstdCodec();
            default -> throw new IllegalArgumentException("no codec " + name);
        };
    }

    /** One of each codec. */
    public static List<Codec> all() {
        return NAMES.stream().map(KarstCodecs::named).toList();
    }
}
