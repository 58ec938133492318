package io.karst.api.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One compression algorithm as Kafka clients use it for whole record batches. Registered with the
 * service properties {@code codec=<name>} ({@code gzip}, {@code snappy}, {@code lz4}, {@code zstd})
 * and {@code codec.id=<Kafka's codec id>}.
 *
 * <p>Implementations are thread-safe; each stream they hand out is for one thread. Streams take
 * their working buffers from a pool and give them back on {@code close()}, so callers close them.
 */
public interface Codec {

    /** The service property holding {@link #name()}. */
    String NAME_PROPERTY = "codec";

    /** The service property holding {@link #id()}. */
    String ID_PROPERTY = "codec.id";

    /** Kafka's name for the codec, as in {@code compression.type}. */
    String name();

    /** Kafka's codec id, the low three bits of a batch's attributes. */
    int id();

    /** The library that does the work and its version, e.g. {@code lz4-java 1.14.0}. */
    String library();

    /**
     * A stream that compresses into {@code out} in the byte format Kafka clients read. Closing it
     * ends the compressed stream; {@code out} is left open.
     */
    OutputStream compress(OutputStream out) throws IOException;

    /**
     * A stream that decompresses what Kafka clients wrote, reading {@code in} to its end. Bytes that
     * do not form a valid stream of this codec, a stream cut short included, fail the read with an
     * {@link IOException}. Closing it leaves {@code in} open.
     */
    InputStream decompress(InputStream in) throws IOException;
}
