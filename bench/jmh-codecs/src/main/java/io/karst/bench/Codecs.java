package io.karst.bench;

import io.karst.api.codec.Codec;
import io.karst.codec.gzip.internal.GzipCodec;
import io.karst.codec.lz4.internal.Lz4Codec;
import io.karst.codec.snappy.internal.SnappyCodec;
import io.karst.codec.zstd.internal.ZstdCodec;

/** The four codecs by Kafka's name, as the broker gets them from their bundles. */
final class Codecs {
    private Codecs() {
    }

    static Codec named(String name) {
        return switch (name) {
            case "gzip" -> new GzipCodec();
            case "snappy" -> new SnappyCodec();
            case "lz4" -> new Lz4Codec();
            case "zstd" -> new ZstdCodec();
            default -> throw new IllegalArgumentException("no codec " + name);
        };
    }
}
