package io.karst.codec.lz4.internal;

import io.karst.api.codec.BufferPool;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.xxhash.XXHash32;

import java.io.IOException;
import java.io.OutputStream;

/** Writes Kafka's LZ4 frame: independent 64 KiB blocks, no checksums, buffers from the pool. */
final class Lz4FrameOutput extends OutputStream {
    private final OutputStream out;
    private final LZ4Compressor compressor;
    private final XXHash32 hash;
    private final BufferPool buffers;
    private byte[] input;
    private byte[] compressed;
    private int buffered;
    private boolean headerWritten;

    Lz4FrameOutput(OutputStream out, LZ4Compressor compressor, XXHash32 hash, BufferPool buffers) {
        this.out = out;
        this.compressor = compressor;
        this.hash = hash;
        this.buffers = buffers;
        this.input = buffers.take(Lz4Frame.BLOCK_SIZE);
        this.compressed = buffers.take(compressor.maxCompressedLength(Lz4Frame.BLOCK_SIZE));
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (input == null) {
            throw new IOException("lz4 stream is closed");
        }
        while (len > 0) {
            int n = Math.min(len, Lz4Frame.BLOCK_SIZE - buffered);
            System.arraycopy(b, off, input, buffered, n);
            buffered += n;
            off += n;
            len -= n;
            if (buffered == Lz4Frame.BLOCK_SIZE) {
                writeBlock();
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (input == null) {
            return;
        }
        try {
            writeHeaderOnce();
            if (buffered > 0) {
                writeBlock();
            }
            writeIntLittleEndian(0);
        } finally {
            buffers.give(input);
            buffers.give(compressed);
            input = null;
            compressed = null;
        }
    }

    private void writeBlock() throws IOException {
        writeHeaderOnce();
        int length = compressor.compress(input, 0, buffered, compressed, 0, compressed.length);
        if (length >= buffered) {
            writeIntLittleEndian(buffered | Lz4Frame.BLOCK_UNCOMPRESSED);
            out.write(input, 0, buffered);
        } else {
            writeIntLittleEndian(length);
            out.write(compressed, 0, length);
        }
        buffered = 0;
    }

    private void writeHeaderOnce() throws IOException {
        if (headerWritten) {
            return;
        }
        byte[] header = new byte[7];
        header[0] = (byte) Lz4Frame.MAGIC;
        header[1] = (byte) (Lz4Frame.MAGIC >>> 8);
        header[2] = (byte) (Lz4Frame.MAGIC >>> 16);
        header[3] = (byte) (Lz4Frame.MAGIC >>> 24);
        header[4] = (byte) (Lz4Frame.FLG_VERSION_01 | Lz4Frame.FLG_BLOCK_INDEPENDENCE);
        header[5] = (byte) Lz4Frame.BD_64KB;
        header[6] = (byte) Lz4Frame.headerChecksum(hash, header, 4, 2);
        out.write(header);
        headerWritten = true;
    }

    private void writeIntLittleEndian(int v) throws IOException {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }
}
