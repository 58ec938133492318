package io.karst.codec.lz4.internal;

import io.karst.api.codec.BlockInputStream;
import io.karst.api.codec.BufferPool;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4SafeDecompressor;
import net.jpountz.xxhash.StreamingXXHash32;
import net.jpountz.xxhash.XXHash32;
import net.jpountz.xxhash.XXHashFactory;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one LZ4 frame of independent blocks: Kafka's, or a standard LZ4F frame with any block size,
 * content size, block checksums or content checksum (each checksum verified). Linked blocks,
 * dictionaries, a bad header checksum, a frame cut short or bytes after it fail the read.
 */
final class Lz4FrameInput extends BlockInputStream {
    private final LZ4SafeDecompressor decompressor;
    private final XXHash32 hash;
    private final XXHashFactory hashes;
    private final BufferPool buffers;
    private final byte[] small = new byte[15];
    private byte[] block;
    private byte[] decompressed;
    private int maxBlockSize;
    private boolean blockChecksums;
    private StreamingXXHash32 contentChecksum;
    private boolean started;

    Lz4FrameInput(InputStream in, LZ4SafeDecompressor decompressor, XXHash32 hash, XXHashFactory hashes,
                  BufferPool buffers) {
        super(in, "lz4");
        this.decompressor = decompressor;
        this.hash = hash;
        this.hashes = hashes;
        this.buffers = buffers;
    }

    @Override
    protected void readNext() throws IOException {
        if (started) {
            readBlock();
        } else {
            readHeader();
        }
    }

    private void readHeader() throws IOException {
        started = true;
        readFully(small, 0, 7, "frame header");
        if (intLittleEndian(small, 0) != Lz4Frame.MAGIC) {
            throw new IOException("not an LZ4 frame: bad magic");
        }
        int flg = small[4] & 0xff;
        int bd = small[5] & 0xff;
        if ((flg & Lz4Frame.FLG_VERSION_MASK) != Lz4Frame.FLG_VERSION_01) {
            throw new IOException("LZ4 frame version " + (flg >>> 6) + " is not 1");
        }
        if ((flg & Lz4Frame.FLG_RESERVED) != 0 || (bd & Lz4Frame.BD_RESERVED) != 0) {
            throw new IOException("LZ4 frame descriptor has reserved bits set");
        }
        if ((flg & Lz4Frame.FLG_BLOCK_INDEPENDENCE) == 0) {
            throw new IOException("LZ4 frame of linked blocks: Kafka clients write independent blocks");
        }
        if ((flg & Lz4Frame.FLG_DICTIONARY_ID) != 0) {
            throw new IOException("LZ4 frame needs a dictionary, which Kafka does not use");
        }
        maxBlockSize = Lz4Frame.maxBlockSize(bd);
        if (maxBlockSize < 0) {
            throw new IOException("LZ4 frame block size id " + ((bd >>> 4) & 7) + " is not 4-7");
        }
        int descriptorEnd = 6;
        if ((flg & Lz4Frame.FLG_CONTENT_SIZE) != 0) {
            readFully(small, 7, 8, "frame header");
            descriptorEnd += 8;
        }
        int checksum = small[descriptorEnd] & 0xff;
        if (checksum != Lz4Frame.headerChecksum(hash, small, 4, descriptorEnd - 4)) {
            throw new IOException("LZ4 frame header checksum does not match the descriptor");
        }
        blockChecksums = (flg & Lz4Frame.FLG_BLOCK_CHECKSUM) != 0;
        if ((flg & Lz4Frame.FLG_CONTENT_CHECKSUM) != 0) {
            contentChecksum = hashes.newStreamingHash32(0);
        }
        block = buffers.take(maxBlockSize);
        decompressed = buffers.take(maxBlockSize);
    }

    private void readBlock() throws IOException {
        readFully(small, 0, 4, "block size");
        int size = intLittleEndian(small, 0);
        if (size == 0) {
            endFrame();
            return;
        }
        boolean stored = (size & Lz4Frame.BLOCK_UNCOMPRESSED) != 0;
        int length = size & ~Lz4Frame.BLOCK_UNCOMPRESSED;
        if (length > maxBlockSize) {
            throw new IOException("LZ4 block of " + length + " bytes exceeds the frame's " + maxBlockSize);
        }
        readFully(block, 0, length, "block");
        if (blockChecksums) {
            readFully(small, 0, 4, "block checksum");
            if (intLittleEndian(small, 0) != hash.hash(block, 0, length, 0)) {
                throw new IOException("LZ4 block checksum does not match the block");
            }
        }
        byte[] content = block;
        int contentLength = length;
        if (!stored) {
            try {
                contentLength = decompressor.decompress(block, 0, length, decompressed, 0, maxBlockSize);
            } catch (LZ4Exception e) {
                throw new IOException("corrupt LZ4 block: " + e.getMessage(), e);
            }
            content = decompressed;
        }
        if (contentChecksum != null) {
            contentChecksum.update(content, 0, contentLength);
        }
        serve(content, contentLength);
    }

    private void endFrame() throws IOException {
        end();
        if (contentChecksum != null) {
            readFully(small, 0, 4, "content checksum");
            if (intLittleEndian(small, 0) != contentChecksum.getValue()) {
                throw new IOException("LZ4 frame content checksum does not match the content");
            }
        }
        if (in.read() >= 0) {
            throw new IOException("trailing bytes after the LZ4 frame");
        }
    }

    private static int intLittleEndian(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }

    @Override
    protected void release() {
        if (block != null) {
            buffers.give(block);
            buffers.give(decompressed);
        }
        if (contentChecksum != null) {
            contentChecksum.close();
        }
        block = null;
        decompressed = null;
    }
}
