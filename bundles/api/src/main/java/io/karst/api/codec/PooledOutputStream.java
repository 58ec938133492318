package io.karst.api.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * An output stream into one growing byte array taken from a {@link BufferPool}, with a ceiling on
 * its size: batches are decompressed and recompressed into it without allocating per batch, and a
 * stream that would grow past the ceiling (a decompression bomb) fails with
 * {@link OutputLimitExceededException} instead of exhausting the heap. {@link #close()} gives the
 * array back; nothing read through {@link #buffer()} may be used after that. One thread at a time.
 */
public final class PooledOutputStream extends OutputStream {
    private static final int INITIAL_CAPACITY = 16 * 1024;

    private final BufferPool pool;
    private final int maxSize;
    private byte[] array;
    private int size;

    /** An empty stream that may hold up to {@code maxSize} bytes. */
    public PooledOutputStream(BufferPool pool, int maxSize) {
        this.pool = pool;
        this.maxSize = maxSize;
        this.array = pool.take(Math.min(INITIAL_CAPACITY, Math.max(maxSize, 0)));
    }

    /** The bytes written so far: a view of the pooled array, valid until {@link #close()} or {@link #reset()}. */
    public ByteBuffer buffer() {
        return ByteBuffer.wrap(ensureOpen(), 0, size).slice();
    }

    public int size() {
        return size;
    }

    /** Forgets what was written, keeping the array. */
    public void reset() {
        size = 0;
    }

    @Override
    public void write(int b) throws IOException {
        ensureCapacity(1);
        array[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureCapacity(len);
        System.arraycopy(b, off, array, size, len);
        size += len;
    }

    /** Writes the remaining bytes of {@code bytes}, leaving its position unchanged. */
    public void write(ByteBuffer bytes) throws IOException {
        int len = bytes.remaining();
        ensureCapacity(len);
        bytes.duplicate().get(array, size, len);
        size += len;
    }

    /** Reads {@code in} to its end straight into the array. */
    public void readFrom(InputStream in) throws IOException {
        ensureOpen();
        while (true) {
            if (size == Math.min(array.length, maxSize)) {
                if (size >= maxSize && in.read() < 0) {
                    return; // exactly at the ceiling, and nothing more to come
                }
                ensureCapacity(1);
            }
            int n = in.read(array, size, Math.min(array.length, maxSize) - size);
            if (n < 0) {
                return;
            }
            size += n;
        }
    }

    /** Overwrites a big-endian int at {@code index}, within what was written. */
    public void putInt(int index, int value) {
        ByteBuffer.wrap(ensureOpen(), 0, size).putInt(index, value);
    }

    /** Overwrites a big-endian short at {@code index}, within what was written. */
    public void putShort(int index, short value) {
        ByteBuffer.wrap(ensureOpen(), 0, size).putShort(index, value);
    }

    private void ensureCapacity(int more) throws IOException {
        ensureOpen();
        long needed = (long) size + more;
        if (needed > maxSize) {
            throw new OutputLimitExceededException("output exceeds its limit of " + maxSize + " bytes");
        }
        if (needed > array.length) {
            long grown = Math.max(needed, (long) array.length * 2);
            byte[] bigger = pool.take((int) Math.min(grown, maxSize));
            System.arraycopy(array, 0, bigger, 0, size);
            pool.give(array);
            array = bigger;
        }
    }

    private byte[] ensureOpen() {
        if (array == null) {
            throw new IllegalStateException("pooled output is closed");
        }
        return array;
    }

    /** Gives the array back to the pool. */
    @Override
    public void close() {
        if (array != null) {
            pool.give(array);
            array = null;
        }
    }

    /** Writing would pass the stream's ceiling. */
    public static final class OutputLimitExceededException extends IOException {
        private static final long serialVersionUID = 1L;

        public OutputLimitExceededException(String message) {
            super(message);
        }
    }
}
