package io.karst.api.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One compression algorithm as Kafka clients use it for whole record batches. Registered with the
 * service property {@code codec=<name>} ({@code gzip}, {@code snappy}, {@code lz4}, {@code zstd}).
 */
public interface Codec {

    /** Kafka's name for the codec, as in {@code compression.type}. */
    String name();

    /** Kafka's codec id, the low three bits of a batch's attributes. */
    int id();

    /** A stream that compresses into {@code out} in the byte format Kafka clients read. */
    OutputStream compress(OutputStream out) throws IOException;

    /** A stream that decompresses what Kafka clients wrote. */
    InputStream decompress(InputStream in) throws IOException;
}
