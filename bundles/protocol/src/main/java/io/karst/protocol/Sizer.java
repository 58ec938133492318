package io.karst.protocol;

/**
 * Counts the bytes a message will take in memory. File regions sent from disk are not counted: only
 * their length prefix is, since the region itself never enters a buffer.
 */
public final class Sizer {
    private long heapBytes;

    public void add(long bytes) {
        heapBytes += bytes;
    }

    public int heapBytes() {
        return Math.toIntExact(heapBytes);
    }
}
