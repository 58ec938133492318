package io.karst.codec.snappy.internal;

/**
 * xerial snappy-java's stream framing, which Kafka's Java client uses: an 8-byte magic, a 4-byte
 * version and a 4-byte compatible version (both 1, big-endian), then chunks, each a big-endian
 * int32 length followed by that many bytes of one raw snappy block.
 */
final class XerialFraming {
    static final byte[] MAGIC = {(byte) 0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0};
    static final int HEADER_SIZE = MAGIC.length + 8;
    static final int VERSION = 1;
    static final int COMPATIBLE_VERSION = 1;
    /** Input per chunk, as Kafka's Java client writes it. */
    static final int CHUNK_INPUT = 32 * 1024;
    /** The largest uncompressed chunk or raw block read: bounds what one stream may make the reader allocate. */
    static final int MAX_UNCOMPRESSED = 16 * 1024 * 1024;

    private XerialFraming() {
    }
}
