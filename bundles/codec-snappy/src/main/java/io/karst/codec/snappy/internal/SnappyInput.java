package io.karst.codec.snappy.internal;

import io.karst.api.codec.BlockInputStream;
import io.karst.api.codec.BufferPool;
import org.xerial.snappy.Snappy;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads snappy in either form Kafka clients write: xerial framing when the stream starts with its
 * magic, else one raw snappy block making up the whole stream (librdkafka). Each chunk or block is
 * checked for its declared uncompressed length before anything is allocated for it, and buffers come
 * from the pool.
 */
final class SnappyInput extends BlockInputStream {
    private final BufferPool buffers;
    private final byte[] header = new byte[XerialFraming.HEADER_SIZE];
    private byte[] compressed;
    private byte[] uncompressed;
    private boolean started;

    SnappyInput(InputStream in, BufferPool buffers) {
        super(in, "snappy");
        this.buffers = buffers;
    }

    @Override
    protected void readNext() throws IOException {
        if (started) {
            readChunk();
        } else {
            start();
        }
    }

    /** Tells the framing from a raw block by the first bytes; a raw block is read whole at once. */
    private void start() throws IOException {
        started = true;
        int n = in.readNBytes(header, 0, XerialFraming.MAGIC.length);
        if (n == XerialFraming.MAGIC.length && Arrays.equals(header, 0, n, XerialFraming.MAGIC, 0, n)) {
            readFully(header, n, XerialFraming.HEADER_SIZE - n, "xerial snappy header");
            return;
        }
        readRawBlock(n);
    }

    private void readRawBlock(int headLength) throws IOException {
        int length = headLength;
        compressed = buffers.take(Math.max(headLength, 64 * 1024));
        System.arraycopy(header, 0, compressed, 0, headLength);
        int n;
        while ((n = in.read(compressed, length, compressed.length - length)) > 0) {
            length += n;
            if (length == compressed.length) {
                byte[] bigger = buffers.take(compressed.length * 2);
                System.arraycopy(compressed, 0, bigger, 0, length);
                buffers.give(compressed);
                compressed = bigger;
            }
        }
        if (length > 0) {
            uncompress(length, "raw snappy block");
        }
        end();
    }

    private void readChunk() throws IOException {
        int n = in.readNBytes(header, 0, 4);
        if (n == 0) {
            end();
            return;
        }
        if (n < 4) {
            throw new EOFException("snappy stream cut short in a chunk length");
        }
        int length = (header[0] & 0xff) << 24 | (header[1] & 0xff) << 16 | (header[2] & 0xff) << 8 | (header[3] & 0xff);
        if (length <= 0 || length > Snappy.maxCompressedLength(XerialFraming.MAX_UNCOMPRESSED)) {
            throw new IOException("snappy chunk length " + length + " is out of range");
        }
        if (compressed == null || compressed.length < length) {
            if (compressed != null) {
                buffers.give(compressed);
            }
            compressed = buffers.take(length);
        }
        readFully(compressed, 0, length, "snappy chunk");
        uncompress(length, "snappy chunk");
    }

    private void uncompress(int length, String what) throws IOException {
        int size;
        try {
            size = Snappy.uncompressedLength(compressed, 0, length);
        } catch (IOException e) {
            throw new IOException("corrupt " + what + ": " + e.getMessage(), e);
        }
        if (size < 0 || size > XerialFraming.MAX_UNCOMPRESSED) {
            throw new IOException(what + " declares " + size + " uncompressed bytes, beyond the "
                    + XerialFraming.MAX_UNCOMPRESSED + " a chunk may hold");
        }
        if (uncompressed == null || uncompressed.length < size) {
            if (uncompressed != null) {
                buffers.give(uncompressed);
            }
            uncompressed = buffers.take(size);
        }
        try {
            serve(uncompressed, Snappy.uncompress(compressed, 0, length, uncompressed, 0));
        } catch (IOException e) {
            throw new IOException("corrupt " + what + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected void release() {
        if (compressed != null) {
            buffers.give(compressed);
        }
        if (uncompressed != null) {
            buffers.give(uncompressed);
        }
        compressed = null;
        uncompressed = null;
    }
}
