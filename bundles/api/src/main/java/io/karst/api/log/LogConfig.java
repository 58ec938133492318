package io.karst.api.log;

/**
 * The storage settings of one partition log, with Kafka's topic-level names in the comments.
 *
 * @param segmentBytes           {@code segment.bytes}: roll a new segment once the active one reaches this size
 * @param segmentMs              {@code segment.ms}: roll a new segment once the active one is this old
 * @param indexIntervalBytes     {@code index.interval.bytes}: bytes of log between two offset index entries
 * @param segmentIndexBytes      {@code segment.index.bytes}: size an index file is preallocated to
 * @param retentionMs            {@code retention.ms}: delete a closed segment once its newest record is this old; -1 never
 * @param retentionBytes         {@code retention.bytes}: delete the oldest closed segments while the log is larger; -1 never
 * @param cleanupPolicy          {@code cleanup.policy}: delete, compact, or both
 * @param deleteRetentionMs      {@code delete.retention.ms}: how long a compacted log keeps a tombstone once cleaned
 * @param fileDeleteDelayMs      {@code file.delete.delay.ms}: how long a removed segment's files stay as {@code .deleted}
 * @param flushMessages          {@code flush.messages}: force the log to disk after this many records
 * @param flushMs                {@code flush.ms}: force the log to disk when data is older than this
 * @param minCleanableDirtyRatio {@code min.cleanable.dirty.ratio}: the share of uncleaned bytes that makes the cleaner compact a log
 */
public record LogConfig(int segmentBytes, long segmentMs, int indexIntervalBytes, int segmentIndexBytes,
                        long retentionMs, long retentionBytes, CleanupPolicy cleanupPolicy, long deleteRetentionMs,
                        long fileDeleteDelayMs, long flushMessages, long flushMs, double minCleanableDirtyRatio) {
    /** Kafka's default {@code retention.ms}: 7 days. */
    public static final long DEFAULT_RETENTION_MS = 7L * 24 * 60 * 60 * 1000;
    /** Kafka's default {@code delete.retention.ms}: 1 day. */
    public static final long DEFAULT_DELETE_RETENTION_MS = 24L * 60 * 60 * 1000;
    /** Kafka's default {@code file.delete.delay.ms}: 1 minute. */
    public static final long DEFAULT_FILE_DELETE_DELAY_MS = 60_000L;

    /**
     * Kafka's defaults: 1 GiB segments, 7 days, an index entry per 4 KiB, 10 MiB index files, 7 days' retention
     * without a size bound, deletion, a day for tombstones, a minute before removed files go, flushing left to
     * the operating system, compaction at half dirty.
     */
    public static final LogConfig DEFAULTS = new LogConfig(1 << 30, 7L * 24 * 60 * 60 * 1000, 4096, 10 << 20,
            DEFAULT_RETENTION_MS, -1, CleanupPolicy.DELETE, DEFAULT_DELETE_RETENTION_MS, DEFAULT_FILE_DELETE_DELAY_MS,
            Long.MAX_VALUE, Long.MAX_VALUE, 0.5);

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
        if (retentionMs < -1) {
            throw new IllegalArgumentException("retention.ms must be -1 or more, got " + retentionMs);
        }
        if (retentionBytes < -1) {
            throw new IllegalArgumentException("retention.bytes must be -1 or more, got " + retentionBytes);
        }
        if (cleanupPolicy == null) {
            throw new IllegalArgumentException("cleanup.policy must be given");
        }
        if (deleteRetentionMs < 0) {
            throw new IllegalArgumentException("delete.retention.ms must not be negative, got " + deleteRetentionMs);
        }
        if (fileDeleteDelayMs < 0) {
            throw new IllegalArgumentException("file.delete.delay.ms must not be negative, got " + fileDeleteDelayMs);
        }
        if (flushMessages < 1) {
            throw new IllegalArgumentException("flush.messages must be at least 1, got " + flushMessages);
        }
        if (flushMs < 0) {
            throw new IllegalArgumentException("flush.ms must not be negative, got " + flushMs);
        }
        if (!(minCleanableDirtyRatio >= 0 && minCleanableDirtyRatio <= 1)) {
            throw new IllegalArgumentException("min.cleanable.dirty.ratio must be between 0 and 1, got "
                    + minCleanableDirtyRatio);
        }
    }

    /** Segment settings only; everything else at Kafka's defaults. */
    public LogConfig(int segmentBytes, long segmentMs, int indexIntervalBytes, int segmentIndexBytes) {
        this(segmentBytes, segmentMs, indexIntervalBytes, segmentIndexBytes, DEFAULT_RETENTION_MS, -1,
                CleanupPolicy.DELETE, DEFAULT_DELETE_RETENTION_MS, DEFAULT_FILE_DELETE_DELAY_MS, Long.MAX_VALUE,
                Long.MAX_VALUE, 0.5);
    }

    /** These settings with other retention bounds. */
    public LogConfig withRetention(long newRetentionMs, long newRetentionBytes) {
        return new LogConfig(segmentBytes, segmentMs, indexIntervalBytes, segmentIndexBytes, newRetentionMs,
                newRetentionBytes, cleanupPolicy, deleteRetentionMs, fileDeleteDelayMs, flushMessages, flushMs,
                minCleanableDirtyRatio);
    }

    /** These settings with another cleanup policy and tombstone retention. */
    public LogConfig withCleanup(CleanupPolicy newPolicy, long newDeleteRetentionMs, double newMinCleanableDirtyRatio) {
        return new LogConfig(segmentBytes, segmentMs, indexIntervalBytes, segmentIndexBytes, retentionMs,
                retentionBytes, newPolicy, newDeleteRetentionMs, fileDeleteDelayMs, flushMessages, flushMs,
                newMinCleanableDirtyRatio);
    }

    /** These settings with other flush and file deletion policies. */
    public LogConfig withDurability(long newFlushMessages, long newFlushMs, long newFileDeleteDelayMs) {
        return new LogConfig(segmentBytes, segmentMs, indexIntervalBytes, segmentIndexBytes, retentionMs,
                retentionBytes, cleanupPolicy, deleteRetentionMs, newFileDeleteDelayMs, newFlushMessages, newFlushMs,
                minCleanableDirtyRatio);
    }
}
