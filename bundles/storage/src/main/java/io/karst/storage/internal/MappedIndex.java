package io.karst.storage.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The memory-mapped file behind a segment index: fixed-size big-endian entries back to back, sorted by
 * their key, with no header and no checksum (a damaged index is rebuilt from its {@code .log}). Subclasses
 * give the entry layout; this class does the mapping, preallocation, trimming and the search.
 *
 * <p>An index is either <em>writable</em> (the active segment's): its file is preallocated to the
 * maximum index size, rounded down to whole entries, mapped read-write, and entries are appended after
 * the last one; or <em>sealed</em>: the file is cut to exactly its entries and mapped read-only. Kafka's
 * tools read every byte of an index file as entries, so a file must be sealed before anything else reads it.
 *
 * <p>Threads: appends, {@link #seal()} and {@link #flush()} hold this object's monitor. Lookups take no
 * lock: they read the volatile entry count and mapping and touch only slots below that count, which stay
 * inside the file when a seal trims it. A mapping that is replaced is left to the garbage collector rather
 * than unmapped by force, so a lookup still holding it stays safe. Trimming a file that is still mapped
 * relies on POSIX semantics (Linux, macOS); Windows refuses it.
 */
abstract class MappedIndex implements Closeable {
    /**
     * Lookups try the last 8 KiB of entries first. Readers mostly want recent offsets, and always
     * probing the same few tail pages keeps those pages in memory, where a plain binary search would
     * touch a different spread of cold pages as the file grows.
     */
    private static final int WARM_BYTES = 8192;

    private volatile Path file;
    private final long baseOffset;
    private final int entrySize;
    private volatile MappedByteBuffer mmap;
    private volatile int entries;
    private volatile boolean writable;
    /** Entries written since the file was last forced to the disk; guarded by this object's monitor. */
    private boolean unforced;

    /**
     * Opens {@code file}. Writable: creates it if absent and grows it to {@code maxIndexSize} (rounded down
     * to whole entries, at least one entry); sealed: it must exist. Either way the entries already in the
     * file are every whole entry in it; call {@code checkEntries} before trusting them.
     *
     * @throws CorruptIndexException when the file size is not a whole number of entries
     */
    protected MappedIndex(Path file, long baseOffset, int entrySize, int maxIndexSize, boolean writable)
            throws IOException {
        this.file = file;
        this.baseOffset = baseOffset;
        this.entrySize = entrySize;
        this.writable = writable;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), writable ? "rw" : "r")) {
            long length = raf.length();
            if (length % entrySize != 0 || length > Integer.MAX_VALUE) {
                throw new CorruptIndexException(file, "its " + length + " bytes are not a whole number of "
                        + entrySize + "-byte entries");
            }
            this.entries = (int) (length / entrySize);
            long mapped = length;
            if (writable) {
                mapped = Math.max(length, Math.max(entrySize, maxIndexSize - maxIndexSize % entrySize));
                raf.setLength(mapped);
            }
            this.mmap = raf.getChannel().map(writable ? FileChannel.MapMode.READ_WRITE
                    : FileChannel.MapMode.READ_ONLY, 0, mapped);
        }
    }

    final Path file() {
        return file;
    }

    final long baseOffset() {
        return baseOffset;
    }

    /** Number of entries. Thread-safe. */
    final int entries() {
        return entries;
    }

    /** How many entries fit: the preallocated slots when writable, the entries when sealed. Thread-safe. */
    final int maxEntries() {
        return mmap.capacity() / entrySize;
    }

    /** Whether no further entry may be appended; the segment must roll first. */
    boolean isFull() {
        return entries >= maxEntries();
    }

    /** Size of the entries in bytes: the file's size once sealed. */
    final int sizeInBytes() {
        return entries * entrySize;
    }

    /** Whether {@code offset} can be stored relative to the base offset in 4 bytes. */
    final boolean canHold(long offset) {
        long relative = offset - baseOffset;
        return relative >= 0 && relative <= Integer.MAX_VALUE;
    }

    protected final int relativeOffset(long offset) {
        if (!canHold(offset)) {
            throw new IllegalArgumentException("offset " + offset + " cannot be stored relative to base offset "
                    + baseOffset + " in index " + file);
        }
        return (int) (offset - baseOffset);
    }

    /** The current mapping, for reading entries by absolute position. */
    protected final ByteBuffer buffer() {
        return mmap;
    }

    /**
     * Byte position of the next free slot. Call with this object's monitor held, write the entry there,
     * then call {@link #entryWritten()}.
     */
    protected final int nextSlot() {
        if (!writable) {
            throw new IllegalStateException("index " + file + " is sealed; no entry may be appended");
        }
        if (entries >= maxEntries()) {
            throw new IllegalStateException("index " + file + " is full with " + entries + " entries");
        }
        return entries * entrySize;
    }

    /** Publishes the entry written at {@link #nextSlot()} to lookups. */
    protected final void entryWritten() {
        entries = entries + 1;
        unforced = true;
    }

    /** The key entries are sorted by, read from {@code slot}. */
    protected abstract long keyAt(ByteBuffer buffer, int slot);

    /** The slot of the greatest entry whose key is at most {@code target}, or -1 when there is none. Thread-safe. */
    protected final int floorSlot(long target) {
        int count = entries;
        ByteBuffer buf = mmap;
        if (count == 0 || keyAt(buf, 0) > target) {
            return -1;
        }
        int warmFirst = Math.max(0, count - WARM_BYTES / entrySize);
        if (keyAt(buf, warmFirst) <= target) {
            return floorSlot(buf, target, warmFirst, count - 1);
        }
        return floorSlot(buf, target, 0, warmFirst - 1);
    }

    /** Binary search in [low, high], where keyAt(low) <= target is known. */
    private int floorSlot(ByteBuffer buf, long target, int low, int high) {
        int lo = low;
        int hi = high;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (keyAt(buf, mid) <= target) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    protected final CorruptIndexException corrupt(String problem) {
        return new CorruptIndexException(file, problem);
    }

    /** Whether entries may still be appended (the active segment's index). */
    final boolean isWritable() {
        return writable;
    }

    /**
     * Cuts the file to its entries and maps it read-only; done when the segment rolls or closes. Does
     * nothing when already sealed. Entries not yet on the disk stay in the page cache for the next
     * {@link #flush()}: a roll happens inside an append, which must not wait for the disk.
     */
    final synchronized void seal() throws IOException {
        if (!writable) {
            return;
        }
        int length = sizeInBytes();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
            mmap = raf.getChannel().map(FileChannel.MapMode.READ_ONLY, 0, length);
        }
        writable = false;
    }

    /** Renames the file; the mapping stays valid (POSIX rename semantics). */
    final synchronized void renameTo(Path target) throws IOException {
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        file = target;
    }

    /** Forces written entries to the disk. */
    final synchronized void flush() throws IOException {
        if (!unforced) {
            return;
        }
        if (writable) {
            mmap.force();
        } else {
            // the read-only mapping cannot be forced; syncing the file writes the pages the old one dirtied
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                channel.force(false);
            }
        }
        unforced = false;
    }

    /** Seals the index; the mapping is released when no lookup holds it any more. */
    @Override
    public void close() throws IOException {
        seal();
    }
}
