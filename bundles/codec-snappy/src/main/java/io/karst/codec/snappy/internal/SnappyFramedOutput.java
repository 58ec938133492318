package io.karst.codec.snappy.internal;

import io.karst.api.codec.BufferPool;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.io.OutputStream;

/** Writes xerial-framed snappy: the header, then one chunk per 32 KiB of input, from pooled buffers. */
final class SnappyFramedOutput extends OutputStream {
    private final OutputStream out;
    private final BufferPool buffers;
    private byte[] input;
    private byte[] compressed;
    private int buffered;
    private boolean headerWritten;

    SnappyFramedOutput(OutputStream out, BufferPool buffers) {
        this.out = out;
        this.buffers = buffers;
        this.input = buffers.take(XerialFraming.CHUNK_INPUT);
        this.compressed = buffers.take(Snappy.maxCompressedLength(XerialFraming.CHUNK_INPUT));
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (input == null) {
            throw new IOException("snappy stream is closed");
        }
        while (len > 0) {
            int n = Math.min(len, XerialFraming.CHUNK_INPUT - buffered);
            System.arraycopy(b, off, input, buffered, n);
            buffered += n;
            off += n;
            len -= n;
            if (buffered == XerialFraming.CHUNK_INPUT) {
                writeChunk();
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
                writeChunk();
            }
        } finally {
            buffers.give(input);
            buffers.give(compressed);
            input = null;
            compressed = null;
        }
    }

    private void writeChunk() throws IOException {
        writeHeaderOnce();
        int length = Snappy.rawCompress(input, 0, buffered, compressed, 0);
        writeInt(length);
        out.write(compressed, 0, length);
        buffered = 0;
    }

    private void writeHeaderOnce() throws IOException {
        if (!headerWritten) {
            out.write(XerialFraming.MAGIC);
            writeInt(XerialFraming.VERSION);
            writeInt(XerialFraming.COMPATIBLE_VERSION);
            headerWritten = true;
        }
    }

    private void writeInt(int v) throws IOException {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
