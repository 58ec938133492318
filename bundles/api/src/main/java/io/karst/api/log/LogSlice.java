package io.karst.api.log;

import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * A run of whole record batches (the last may be cut by a byte limit) lying in one segment file,
 * to be sent to a socket straight from the file (sendfile) or read by position.
 *
 * <p>The channel is the segment's own, open when the slice was made. Read it by position and never
 * close it: the store keeps a segment's channel open for {@code file.delete.delay.ms} after the
 * segment leaves the log (retention, compaction), so a slice stays readable, with the bytes it was
 * made over, even when a cleaned segment has since taken the file's name.
 *
 * @param file        the segment's {@code .log} file, for messages and tools
 * @param channel     the segment's channel; null for an empty slice
 * @param position    the byte position of the first batch in the file
 * @param sizeInBytes how many bytes to send; 0 for an empty slice
 * @param firstOffset the base offset of the first batch, or the requested offset when empty
 */
public record LogSlice(Path file, FileChannel channel, long position, int sizeInBytes, long firstOffset) {

    public static LogSlice empty(long offset) {
        return new LogSlice(null, null, 0, 0, offset);
    }

    public boolean isEmpty() {
        return sizeInBytes == 0;
    }
}
