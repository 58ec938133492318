package io.karst.api.log;

/**
 * The storage settings of one partition log, with Kafka's topic-level names in the comments.
 *
 * @param segmentBytes       {@code segment.bytes}: roll a new segment once the active one reaches this size
 * @param segmentMs          {@code segment.ms}: roll a new segment once the active one is this old
 * @param indexIntervalBytes {@code index.interval.bytes}: bytes of log between two offset index entries
 * @param segmentIndexBytes  {@code segment.index.bytes}: size an index file is preallocated to
 */
public record LogConfig(int segmentBytes, long segmentMs, int indexIntervalBytes, int segmentIndexBytes) {
    /** Kafka's defaults: 1 GiB segments, 7 days, an index entry per 4 KiB, 10 MiB index files. */
    public static final LogConfig DEFAULTS = new LogConfig(1 << 30, 7L * 24 * 60 * 60 * 1000, 4096, 10 << 20);

    public LogConfig {
        if (segmentBytes < 14) {
            throw new IllegalArgumentException("segment.bytes must be at least 14, got " + segmentBytes);
        }
        if (segmentMs < 1) {
            throw new IllegalArgumentException("segment.ms must be at least 1, got " + segmentMs);
        }
        if (indexIntervalBytes < 0) {
            throw new IllegalArgumentException("index.interval.bytes must not be negative, got " + indexIntervalBytes);
        }
        if (segmentIndexBytes < 8) {
            throw new IllegalArgumentException("segment.index.bytes must be at least 8, got " + segmentIndexBytes);
        }
    }
}
