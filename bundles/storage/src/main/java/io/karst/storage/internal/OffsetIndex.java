package io.karst.storage.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A segment's sparse offset index, the {@code .index} file: where in the {@code .log} to start scanning
 * for an offset, so a read skips the batches before it.
 *
 * <p>File format, byte-compatible with Apache Kafka's: 8-byte entries and nothing else.
 * <pre>
 * offset field            type
 *  0     relative offset  int32, big-endian: a batch's last offset minus the segment's base offset
 *  4     position         int32, big-endian: the byte position in the .log where that batch starts
 * </pre>
 * Both fields strictly increase from entry to entry. An entry is added for a batch when more than
 * {@code index.interval.bytes} of batches lie between the previously indexed batch (or the segment start)
 * and it, so the first batch of a segment never has one. Keying an entry by the batch's <em>last</em>
 * offset is Kafka's choice (its DumpLogSegments checks it): the batch holding offset X then starts at or
 * after the position of the greatest entry whose offset is at most X.
 */
final class OffsetIndex extends MappedIndex {
    static final int ENTRY_SIZE = 8;

    OffsetIndex(Path file, long baseOffset, int maxIndexSize, boolean writable) throws IOException {
        super(file, baseOffset, ENTRY_SIZE, maxIndexSize, writable);
    }

    /** Appends an entry; both offset and position must be above the last entry's. */
    synchronized void append(long offset, int position) {
        int relative = relativeOffset(offset);
        if (entries() > 0) {
            OffsetPosition last = lastEntry();
            if (offset <= last.offset() || position <= last.position()) {
                throw new IllegalArgumentException("index entry (" + offset + ", " + position
                        + ") does not come after the last entry (" + last.offset() + ", " + last.position()
                        + ") of " + file());
            }
        }
        int at = nextSlot();
        ByteBuffer buf = buffer();
        buf.putInt(at, relative);
        buf.putInt(at + 4, position);
        entryWritten();
    }

    /**
     * The greatest entry whose offset is at most {@code targetOffset}, or (base offset, 0) when there is
     * none: scanning the {@code .log} from its position finds the batch holding the target. Thread-safe.
     */
    OffsetPosition lookup(long targetOffset) {
        int slot = floorSlot(targetOffset);
        return slot < 0 ? new OffsetPosition(baseOffset(), 0) : entry(slot);
    }

    /** The last entry, or (base offset, 0) when empty. Thread-safe. */
    OffsetPosition lastEntry() {
        int count = entries();
        return count == 0 ? new OffsetPosition(baseOffset(), 0) : entry(count - 1);
    }

    /** Entry number {@code slot}. Thread-safe. */
    OffsetPosition entry(int slot) {
        if (slot < 0 || slot >= entries()) {
            throw new IndexOutOfBoundsException("no entry " + slot + " in index " + file() + " of "
                    + entries() + " entries");
        }
        ByteBuffer buf = buffer();
        return new OffsetPosition(baseOffset() + buf.getInt(slot * ENTRY_SIZE), buf.getInt(slot * ENTRY_SIZE + 4));
    }

    @Override
    protected long keyAt(ByteBuffer buffer, int slot) {
        return baseOffset() + buffer.getInt(slot * ENTRY_SIZE);
    }

    /**
     * Checks that offsets and positions strictly increase and that every position lies inside a
     * {@code .log} of {@code logSize} bytes.
     */
    void checkEntries(int logSize) throws CorruptIndexException {
        ByteBuffer buf = buffer();
        long previousOffset = -1;
        long previousPosition = -1;
        for (int slot = 0; slot < entries(); slot++) {
            int relative = buf.getInt(slot * ENTRY_SIZE);
            int position = buf.getInt(slot * ENTRY_SIZE + 4);
            if (relative <= previousOffset || position <= previousPosition) {
                throw corrupt("entry " + slot + " (relative offset " + relative + ", position " + position
                        + ") does not come after the one before it");
            }
            if (position >= logSize) {
                throw corrupt("entry " + slot + " points at position " + position + ", past the "
                        + logSize + "-byte log");
            }
            previousOffset = relative;
            previousPosition = position;
        }
    }
}
