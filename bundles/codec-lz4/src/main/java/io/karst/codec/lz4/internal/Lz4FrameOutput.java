package io.karst.codec.lz4.internal;

import io.karst.api.codec.BlockOutputStream;
import io.karst.api.codec.BufferPool;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.xxhash.XXHash32;

import java.io.IOException;
import java.io.OutputStream;

/** Writes Kafka's LZ4 frame: independent 64 KiB blocks, no checksums, buffers from the pool. */
final class Lz4FrameOutput extends BlockOutputStream {
    private final LZ4Compressor compressor;
    private final XXHash32 hash;

    Lz4FrameOutput(OutputStream out, LZ4Compressor compressor, XXHash32 hash, BufferPool buffers) {
        super(out, buffers, Lz4Frame.BLOCK_SIZE, compressor.maxCompressedLength(Lz4Frame.BLOCK_SIZE), "lz4");
        this.compressor = compressor;
        this.hash = hash;
    }

    @Override
    protected void writeHeader() throws IOException {
        byte[] header = new byte[7];
        header[0] = (byte) Lz4Frame.MAGIC;
        header[1] = (byte) (Lz4Frame.MAGIC >>> 8);
        header[2] = (byte) (Lz4Frame.MAGIC >>> 16);
        header[3] = (byte) (Lz4Frame.MAGIC >>> 24);
        header[4] = (byte) (Lz4Frame.FLG_VERSION_01 | Lz4Frame.FLG_BLOCK_INDEPENDENCE);
        header[5] = (byte) Lz4Frame.BD_64KB;
        header[6] = (byte) Lz4Frame.headerChecksum(hash, header, 4, 2);
        out.write(header);
    }

    @Override
    protected void writeBlock(byte[] input, int length, byte[] compressed) throws IOException {
        int size = compressor.compress(input, 0, length, compressed, 0, compressed.length);
        if (size >= length) {
            writeIntLittleEndian(length | Lz4Frame.BLOCK_UNCOMPRESSED);
            out.write(input, 0, length);
        } else {
            writeIntLittleEndian(size);
            out.write(compressed, 0, size);
        }
    }

    /** An empty block ends the frame. */
    @Override
    protected void writeEnd() throws IOException {
        writeIntLittleEndian(0);
    }

    private void writeIntLittleEndian(int v) throws IOException {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }
}
