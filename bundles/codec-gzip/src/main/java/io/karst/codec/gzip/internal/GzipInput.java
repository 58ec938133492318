package io.karst.codec.gzip.internal;

import io.karst.api.codec.BufferPool;
import io.karst.api.codec.ContextPool;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads gzip (RFC 1952): one or more members, each a header (optional extra field, name, comment
 * and header CRC are skipped), raw deflate inflated by a pooled {@link Inflater}, and a trailer whose
 * CRC-32 and length are checked. Anything after the last member other than another member, a stream
 * cut short, or a checksum mismatch fails the read.
 */
final class GzipInput extends InputStream {
    private static final int FHCRC = 0x02;
    private static final int FEXTRA = 0x04;
    private static final int FNAME = 0x08;
    private static final int FCOMMENT = 0x10;
    private static final int RESERVED_FLAGS = 0xe0;
    private static final int BUFFER_SIZE = 16 * 1024;

    private enum State { HEADER, BODY, END }

    private final InputStream in;
    private final ContextPool<Inflater> inflaters;
    private final BufferPool buffers;
    private final CRC32 crc = new CRC32();
    private Inflater inflater;
    private byte[] buffer;
    private int pos;
    private int limit;
    private long memberSize;
    private State state = State.HEADER;

    GzipInput(InputStream in, ContextPool<Inflater> inflaters, BufferPool buffers) {
        this.in = in;
        this.inflaters = inflaters;
        this.buffers = buffers;
        this.inflater = inflaters.take();
        this.buffer = buffers.take(BUFFER_SIZE);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (inflater == null) {
            throw new IOException("gzip stream is closed");
        }
        if (len == 0) {
            return 0;
        }
        while (true) {
            switch (state) {
                case HEADER -> {
                    readHeader();
                    state = State.BODY;
                }
                case BODY -> {
                    int n = inflate(b, off, len);
                    if (n > 0) {
                        return n;
                    }
                }
                case END -> {
                    return -1;
                }
            }
        }
    }

    /** Inflates into {@code b}; 0 when the member ended (the state then moved on) or more input went in. */
    private int inflate(byte[] b, int off, int len) throws IOException {
        if (inflater.needsInput()) {
            if (!fill()) {
                throw new EOFException("gzip stream cut short inside the compressed data");
            }
            inflater.setInput(buffer, pos, limit - pos);
            pos = limit;
        }
        int n;
        try {
            n = inflater.inflate(b, off, len);
        } catch (DataFormatException e) {
            throw new IOException("corrupt deflate data in gzip stream: " + e.getMessage(), e);
        }
        if (n > 0) {
            crc.update(b, off, n);
            memberSize += n;
        } else if (inflater.finished()) {
            pos = limit - inflater.getRemaining();
            readTrailer();
            state = fill() ? nextMember() : State.END;
        } else if (inflater.needsDictionary()) {
            throw new IOException("deflate data in gzip stream asks for a preset dictionary");
        }
        return n;
    }

    private void readHeader() throws IOException {
        if (readByte() != 0x1f || readByte() != 0x8b) {
            throw new IOException("not a gzip stream: bad magic");
        }
        int method = readByte();
        if (method != 8) {
            throw new IOException("gzip compression method " + method + " is not deflate (8)");
        }
        int flags = readByte();
        if ((flags & RESERVED_FLAGS) != 0) {
            throw new IOException("gzip header has reserved flags set: " + Integer.toHexString(flags));
        }
        skip(6); // modification time, extra flags, operating system
        if ((flags & FEXTRA) != 0) {
            skip(readByte() | readByte() << 8);
        }
        if ((flags & FNAME) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FCOMMENT) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FHCRC) != 0) {
            skip(2);
        }
        crc.reset();
        memberSize = 0;
    }

    private void readTrailer() throws IOException {
        long expectedCrc = readIntLittleEndian() & 0xffffffffL;
        long expectedSize = readIntLittleEndian() & 0xffffffffL;
        if (expectedCrc != crc.getValue()) {
            throw new IOException("gzip CRC-32 " + Long.toHexString(expectedCrc) + " does not match the data ("
                    + Long.toHexString(crc.getValue()) + ")");
        }
        if (expectedSize != (memberSize & 0xffffffffL)) {
            throw new IOException("gzip length " + expectedSize + " does not match the data (" + memberSize + ")");
        }
    }

    /** After a member and with input left: it must be another member. */
    private State nextMember() throws IOException {
        if ((buffer[pos] & 0xff) != 0x1f) {
            throw new IOException("trailing bytes after the gzip stream");
        }
        inflater.reset();
        return State.HEADER;
    }

    /** Makes at least one unread byte available; false at the end of the input. */
    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private int readByte() throws IOException {
        if (!fill()) {
            throw new EOFException("gzip stream cut short in its header or trailer");
        }
        return buffer[pos++] & 0xff;
    }

    private int readIntLittleEndian() throws IOException {
        return readByte() | readByte() << 8 | readByte() << 16 | readByte() << 24;
    }

    private void skip(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            readByte();
        }
    }

    private void skipZeroTerminated() throws IOException {
        while (readByte() != 0) {
            // skipping a name or comment
        }
    }

    @Override
    public void close() {
        if (inflater == null) {
            return;
        }
        inflaters.give(inflater);
        buffers.give(buffer);
        inflater = null;
        buffer = null;
    }
}
