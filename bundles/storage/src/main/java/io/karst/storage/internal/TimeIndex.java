package io.karst.storage.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A segment's time index, the {@code .timeindex} file: from a timestamp to an offset at or after which
 * records with later timestamps are found (ListOffsets by time, time-based retention).
 *
 * <p>File format, byte-compatible with Apache Kafka's: 12-byte entries and nothing else.
 * <pre>
 * offset field            type
 *  0     timestamp        int64, big-endian: the greatest batch max timestamp in the segment so far
 *  8     relative offset  int32, big-endian: the last offset of the batch that carried it, minus the base offset
 * </pre>
 * Timestamps strictly increase; offsets never decrease. An entry is added alongside each offset index
 * entry when the segment's greatest timestamp has grown since the last time entry, and once more when the
 * segment is sealed, so the last entry always holds the segment's greatest timestamp. One slot is kept
 * free for that final entry: the index counts as full one entry early.
 */
final class TimeIndex extends MappedIndex {
    static final int ENTRY_SIZE = 12;

    private volatile TimestampOffset lastEntry;

    TimeIndex(Path file, long baseOffset, int maxIndexSize, boolean writable) throws IOException {
        super(file, baseOffset, ENTRY_SIZE, maxIndexSize, writable);
        int count = entries();
        lastEntry = count == 0 ? new TimestampOffset(TimestampOffset.NO_TIMESTAMP, baseOffset) : entry(count - 1);
    }

    /** Full when only the slot kept for the final entry is left. */
    @Override
    boolean isFull() {
        return entries() >= maxEntries() - 1;
    }

    /** The last entry, or (no timestamp, base offset) when empty. Thread-safe. */
    TimestampOffset lastEntry() {
        return lastEntry;
    }

    /** Appends (timestamp, offset) when the timestamp is above the last entry's; the index must not be full. */
    synchronized void maybeAppend(long timestamp, long offset) {
        if (isFull()) {
            throw new IllegalStateException("time index " + file() + " is full with " + entries() + " entries");
        }
        appendIfLater(timestamp, offset);
    }

    /** Appends the final entry when the segment is sealed, using the slot kept for it. */
    synchronized void appendFinal(long timestamp, long offset) {
        appendIfLater(timestamp, offset);
    }

    private void appendIfLater(long timestamp, long offset) {
        TimestampOffset last = lastEntry;
        if (entries() > 0 && offset < last.offset()) {
            throw new IllegalArgumentException("time index entry (" + timestamp + ", " + offset
                    + ") has an offset below the last entry's " + last.offset() + " in " + file());
        }
        if (timestamp <= last.timestamp()) {
            return;
        }
        int relative = relativeOffset(offset);
        int at = nextSlot();
        ByteBuffer buf = buffer();
        buf.putLong(at, timestamp);
        buf.putInt(at + 8, relative);
        lastEntry = new TimestampOffset(timestamp, offset);
        entryWritten();
    }

    /**
     * The greatest entry whose timestamp is at most {@code timestamp}, or (no timestamp, base offset) when
     * there is none. Thread-safe.
     */
    TimestampOffset lookup(long timestamp) {
        int slot = floorSlot(timestamp);
        return slot < 0 ? new TimestampOffset(TimestampOffset.NO_TIMESTAMP, baseOffset()) : entry(slot);
    }

    /** Entry number {@code slot}. Thread-safe. */
    TimestampOffset entry(int slot) {
        if (slot < 0 || slot >= entries()) {
            throw new IndexOutOfBoundsException("no entry " + slot + " in time index " + file() + " of "
                    + entries() + " entries");
        }
        ByteBuffer buf = buffer();
        return new TimestampOffset(buf.getLong(slot * ENTRY_SIZE), baseOffset() + buf.getInt(slot * ENTRY_SIZE + 8));
    }

    @Override
    protected long keyAt(ByteBuffer buffer, int slot) {
        return buffer.getLong(slot * ENTRY_SIZE);
    }

    /** Checks that timestamps strictly increase and relative offsets are non-negative and never decrease. */
    void checkEntries() throws CorruptIndexException {
        ByteBuffer buf = buffer();
        long previousTimestamp = Long.MIN_VALUE;
        int previousOffset = 0;
        for (int slot = 0; slot < entries(); slot++) {
            long timestamp = buf.getLong(slot * ENTRY_SIZE);
            int relative = buf.getInt(slot * ENTRY_SIZE + 8);
            if (timestamp <= previousTimestamp || relative < previousOffset) {
                throw corrupt("entry " + slot + " (timestamp " + timestamp + ", relative offset " + relative
                        + ") does not come after the one before it");
            }
            previousTimestamp = timestamp;
            previousOffset = relative;
        }
    }
}
