package io.karst.codec.lz4.internal;

/**
 * The LZ4 frame format (lz4's doc/lz4_Frame_format.md) as far as Kafka uses it. A frame is the magic
 * (little-endian), a descriptor (FLG, BD, optional 8-byte content size, then HC, the second byte of
 * the xxh32 of the descriptor's other bytes), blocks each led by a little-endian int32 size whose
 * high bit marks a block stored uncompressed, an int32 0 ending the blocks, and an optional xxh32 of
 * the content. Kafka writes FLG = version 01 with independent blocks and no checksums, BD = 64 KiB.
 */
final class Lz4Frame {
    static final int MAGIC = 0x184D2204;
    static final int FLG_VERSION_MASK = 0xc0;
    static final int FLG_VERSION_01 = 0x40;
    static final int FLG_BLOCK_INDEPENDENCE = 0x20;
    static final int FLG_BLOCK_CHECKSUM = 0x10;
    static final int FLG_CONTENT_SIZE = 0x08;
    static final int FLG_CONTENT_CHECKSUM = 0x04;
    static final int FLG_RESERVED = 0x02;
    static final int FLG_DICTIONARY_ID = 0x01;
    static final int BD_RESERVED = 0x8f;
    /** Block maximum size ids 4-7: 64 KiB, 256 KiB, 1 MiB, 4 MiB. */
    static final int BD_64KB = 4 << 4;
    static final int BLOCK_UNCOMPRESSED = 0x80000000;
    static final int BLOCK_SIZE = 64 * 1024;

    private Lz4Frame() {
    }

    /** The maximum block size a BD byte declares, or -1 for an id outside 4-7. */
    static int maxBlockSize(int bd) {
        int id = (bd >>> 4) & 0x07;
        return id < 4 ? -1 : 1 << (2 * id + 8);
    }

    /** The header checksum byte: bits 8-15 of the xxh32 (seed 0) of the descriptor after the magic. */
    static int headerChecksum(net.jpountz.xxhash.XXHash32 hash, byte[] descriptor, int off, int len) {
        return (hash.hash(descriptor, off, len, 0) >>> 8) & 0xff;
    }
}
