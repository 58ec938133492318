package io.karst.codec.gzip.internal;

import io.karst.api.codec.BufferPool;
import io.karst.api.codec.ContextPool;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes one gzip member: the 10-byte header the JDK's GZIPOutputStream writes, raw deflate from a
 * pooled {@link Deflater}, and the trailer (CRC-32 and length of the input, little-endian).
 */
final class GzipOutput extends OutputStream {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, 0};
    private static final int BUFFER_SIZE = 16 * 1024;

    private final OutputStream out;
    private final ContextPool<Deflater> deflaters;
    private final BufferPool buffers;
    private final CRC32 crc = new CRC32();
    private Deflater deflater;
    private byte[] buffer;
    private long inputSize;
    private boolean headerWritten;

    GzipOutput(OutputStream out, ContextPool<Deflater> deflaters, BufferPool buffers) {
        this.out = out;
        this.deflaters = deflaters;
        this.buffers = buffers;
        this.deflater = deflaters.take();
        this.buffer = buffers.take(BUFFER_SIZE);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        writeHeaderOnce();
        crc.update(b, off, len);
        inputSize += len;
        deflater.setInput(b, off, len);
        while (!deflater.needsInput()) {
            drain();
        }
    }

    @Override
    public void close() throws IOException {
        if (deflater == null) {
            return;
        }
        try {
            writeHeaderOnce();
            deflater.finish();
            while (!deflater.finished()) {
                drain();
            }
            writeIntLittleEndian((int) crc.getValue());
            writeIntLittleEndian((int) inputSize);
        } finally {
            deflaters.give(deflater);
            buffers.give(buffer);
            deflater = null;
            buffer = null;
        }
    }

    private void writeHeaderOnce() throws IOException {
        if (!headerWritten) {
            out.write(HEADER);
            headerWritten = true;
        }
    }

    private void drain() throws IOException {
        int n = deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH);
        if (n > 0) {
            out.write(buffer, 0, n);
        }
    }

    private void writeIntLittleEndian(int v) throws IOException {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    private void ensureOpen() throws IOException {
        if (deflater == null) {
            throw new IOException("gzip stream is closed");
        }
    }
}
