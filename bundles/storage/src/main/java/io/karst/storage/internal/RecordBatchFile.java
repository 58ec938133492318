package io.karst.storage.internal;

import io.karst.api.record.RecordBatch;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A segment's {@code .log} file: record batches back to back, byte for byte as they travel on the wire.
 *
 * <p>Appends write at the committed end with positional writes, and {@link #size()} (the committed size,
 * volatile) moves only once a write is complete, so a reader that stays below it never sees a partly
 * written batch. Reads are positional and take no lock; appends, truncation and closing must be serialised
 * by the caller.
 */
final class RecordBatchFile implements Closeable {
    /** The smallest legal batchLength: a batch is never shorter than its header. */
    static final int MIN_BATCH_LENGTH = RecordBatch.HEADER_SIZE - RecordBatch.LOG_OVERHEAD;

    /** A batch header found in the file, with the position of its first byte. */
    record LocatedBatch(int position, RecordBatch header) {
    }

    private volatile Path file;
    private final FileChannel channel;
    private volatile int size;

    private RecordBatchFile(Path file, FileChannel channel, int size) {
        this.file = file;
        this.channel = channel;
        this.size = size;
    }

    /** Creates a new, empty file; fails if it exists. */
    static RecordBatchFile create(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        return new RecordBatchFile(file, channel, 0);
    }

    /** Opens an existing file; every byte in it counts as committed until {@link #truncateTo} says otherwise. */
    static RecordBatchFile open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long length = channel.size();
        if (length > Integer.MAX_VALUE) {
            channel.close();
            throw new IOException("segment file " + file + " is " + length + " bytes, more than a segment may hold");
        }
        return new RecordBatchFile(file, channel, (int) length);
    }

    /** The open channel, for readers that must keep reading this file's bytes whatever its name becomes. */
    FileChannel channel() {
        return channel;
    }

    Path file() {
        return file;
    }

    /** The committed size: bytes of whole batches. Thread-safe. */
    int size() {
        return size;
    }

    /**
     * Writes {@code bytes} (from position to limit, left untouched) at the committed end and then commits
     * them. Returns the position they were written at. A failed write leaves the committed size as it
     * was; the next append overwrites whatever part was written.
     */
    int append(ByteBuffer bytes) throws IOException {
        int position = size;
        long newSize = (long) position + bytes.remaining();
        if (newSize > Integer.MAX_VALUE) {
            throw new IOException("appending " + bytes.remaining() + " bytes to " + file
                    + " would pass the largest segment size");
        }
        ByteBuffer src = bytes.duplicate();
        long at = position;
        while (src.hasRemaining()) {
            at += channel.write(src, at);
        }
        size = (int) newSize;
        return position;
    }

    /**
     * The 61-byte header of the batch starting at {@code position}, or null when fewer than 61 bytes lie
     * between {@code position} and {@code end}. The header is not checked; see {@link #isWhole}.
     * Thread-safe.
     */
    RecordBatch readHeader(int position, int end) throws IOException {
        if (end - position < RecordBatch.HEADER_SIZE) {
            return null;
        }
        return RecordBatch.wrap(read(position, RecordBatch.HEADER_SIZE));
    }

    /** Whether a header has a sane length and its batch ends at or before {@code end}. */
    static boolean isWhole(RecordBatch header, int position, int end) {
        return header.batchLength() >= MIN_BATCH_LENGTH && (long) position + header.sizeInBytes() <= end;
    }

    /** Reads {@code length} bytes at {@code position} into a new buffer, flipped for reading. Thread-safe. */
    ByteBuffer read(int position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new EOFException("segment file " + file + " ends at " + at + ", before the "
                        + length + " bytes asked for at " + position);
            }
            at += n;
        }
        return buffer.flip();
    }

    /**
     * The first batch at or after {@code startPosition} (a batch boundary) whose last offset is at or past
     * {@code targetOffset}, scanning headers up to {@code end}; null when there is none. Thread-safe.
     */
    LocatedBatch find(long targetOffset, int startPosition, int end) throws IOException {
        int position = startPosition;
        RecordBatch header;
        while ((header = readHeader(position, end)) != null && isWhole(header, position, end)) {
            if (header.lastOffset() >= targetOffset) {
                return new LocatedBatch(position, header);
            }
            position += header.sizeInBytes();
        }
        return null;
    }

    /** Cuts the file, and the committed size, to {@code newSize} bytes. */
    void truncateTo(int newSize) throws IOException {
        channel.truncate(newSize);
        size = newSize;
    }

    /** Drops bytes past the committed size that a failed append may have left. */
    void trim() throws IOException {
        if (channel.size() > size) {
            channel.truncate(size);
        }
    }

    /** Renames the file; the open channel keeps working (POSIX rename semantics). */
    void renameTo(Path target) throws IOException {
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        file = target;
    }

    /** Forces written bytes to the disk. Thread-safe. */
    void flush() throws IOException {
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
