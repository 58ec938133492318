package io.karst.api.codec;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A compressing stream for framed formats made of independent blocks (Kafka's LZ4 frame,
 * xerial-framed snappy): it gathers input into blocks of a fixed size in a pooled buffer, and a
 * subclass writes the frame header once, each block, and the frame's end. Both buffers go back to
 * the pool on close.
 */
public abstract class BlockOutputStream extends OutputStream {
    /** Where the frame goes. */
    protected final OutputStream out;
    private final BufferPool buffers;
    private final int blockSize;
    private final String format;
    private byte[] input;
    private byte[] compressed;
    private int buffered;
    private boolean headerWritten;

    /**
     * @param blockSize          input bytes per block
     * @param compressedCapacity the most bytes one compressed block may take
     * @param format             the format's name, for messages
     */
    protected BlockOutputStream(OutputStream out, BufferPool buffers, int blockSize, int compressedCapacity,
                                String format) {
        this.out = out;
        this.buffers = buffers;
        this.blockSize = blockSize;
        this.format = format;
        this.input = buffers.take(blockSize);
        this.compressed = buffers.take(compressedCapacity);
    }

    /** Writes what opens the frame; called once, before the first block. */
    protected abstract void writeHeader() throws IOException;

    /**
     * Compresses and writes one block.
     *
     * @param input      the block's bytes, {@code length} of them from 0
     * @param compressed a buffer of the capacity given at construction, to compress into
     */
    protected abstract void writeBlock(byte[] input, int length, byte[] compressed) throws IOException;

    /** Writes what closes the frame, after the last block. */
    protected abstract void writeEnd() throws IOException;

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (input == null) {
            throw new IOException(format + " stream is closed");
        }
        while (len > 0) {
            int n = Math.min(len, blockSize - buffered);
            System.arraycopy(b, off, input, buffered, n);
            buffered += n;
            off += n;
            len -= n;
            if (buffered == blockSize) {
                flushBlock();
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
                flushBlock();
            }
            writeEnd();
        } finally {
            buffers.give(input);
            buffers.give(compressed);
            input = null;
            compressed = null;
        }
    }

    private void flushBlock() throws IOException {
        writeHeaderOnce();
        writeBlock(input, buffered, compressed);
        buffered = 0;
    }

    private void writeHeaderOnce() throws IOException {
        if (!headerWritten) {
            writeHeader();
            headerWritten = true;
        }
    }
}
