package io.karst.protocol;

/** Counts the bytes a message will take: in memory, and in file regions sent from disk. */
public final class Sizer {
    private long heapBytes;
    private long fileBytes;

    public void add(long bytes) {
        heapBytes += bytes;
    }

    public void addFile(long bytes) {
        fileBytes += bytes;
    }

    public int heapBytes() {
        return Math.toIntExact(heapBytes);
    }

    public long totalBytes() {
        return heapBytes + fileBytes;
    }
}
