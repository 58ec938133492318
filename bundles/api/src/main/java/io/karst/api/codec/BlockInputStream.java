package io.karst.api.codec;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A decompressing stream for formats read a block at a time (the LZ4 frame, snappy): it serves the
 * bytes of the current block and asks the subclass for the next one when they run out. The subclass
 * reads headers and blocks from {@link #in}, hands each block's content to {@link #serve}, calls
 * {@link #end} where the stream ends, and returns its buffers in {@link #release}.
 */
public abstract class BlockInputStream extends InputStream {
    /** Where the compressed stream comes from. */
    protected final InputStream in;
    private final String format;
    private byte[] served;
    private int pos;
    private int limit;
    private boolean finished;
    private boolean closed;

    /** @param format the format's name, for messages */
    protected BlockInputStream(InputStream in, String format) {
        this.in = in;
        this.format = format;
    }

    /**
     * Reads on: a header, a block (then {@link #serve} its content) or the stream's end (then
     * {@link #end}). Called whenever the served bytes are used up and the stream has not ended.
     */
    protected abstract void readNext() throws IOException;

    /** Gives the pooled buffers back; called once, on close. */
    protected abstract void release();

    /** Serves {@code length} bytes of {@code bytes} from 0 as the stream's next content. */
    protected final void serve(byte[] bytes, int length) {
        served = bytes;
        pos = 0;
        limit = length;
    }

    /** Marks the end of the stream, after what is being served. */
    protected final void end() {
        finished = true;
    }

    /** Reads exactly {@code len} bytes of the compressed stream, or fails naming {@code what} was cut short. */
    protected final void readFully(byte[] b, int off, int len, String what) throws IOException {
        if (in.readNBytes(b, off, len) < len) {
            throw new EOFException(format + " stream cut short in its " + what);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException(format + " stream is closed");
        }
        if (len == 0) {
            return 0;
        }
        while (pos == limit) {
            if (finished) {
                return -1;
            }
            readNext();
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(served, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        served = null;
        release();
    }
}
