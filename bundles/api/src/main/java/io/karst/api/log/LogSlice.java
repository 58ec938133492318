package io.karst.api.log;

import java.nio.file.Path;

/**
 * A run of whole record batches (the last may be cut by a byte limit) lying in one segment file,
 * to be sent to a socket straight from the file (sendfile) or read by position.
 *
 * @param file        the segment's {@code .log} file
 * @param position    the byte position of the first batch in the file
 * @param sizeInBytes how many bytes to send; 0 for an empty slice
 * @param firstOffset the base offset of the first batch, or the requested offset when empty
 */
public record LogSlice(Path file, long position, int sizeInBytes, long firstOffset) {

    public static LogSlice empty(long offset) {
        return new LogSlice(null, 0, 0, offset);
    }

    public boolean isEmpty() {
        return sizeInBytes == 0;
    }
}
