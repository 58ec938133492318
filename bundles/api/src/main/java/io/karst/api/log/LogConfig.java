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
    public static final LogConfig DEFAULTS = new Builder().build();

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

    /** A builder starting from Kafka's defaults ({@link #DEFAULTS}). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings, to change a few of them. */
    public Builder toBuilder() {
        return new Builder()
                .segmentBytes(segmentBytes)
                .segmentMs(segmentMs)
                .indexIntervalBytes(indexIntervalBytes)
                .segmentIndexBytes(segmentIndexBytes)
                .retentionMs(retentionMs)
                .retentionBytes(retentionBytes)
                .cleanupPolicy(cleanupPolicy)
                .deleteRetentionMs(deleteRetentionMs)
                .fileDeleteDelayMs(fileDeleteDelayMs)
                .flushMessages(flushMessages)
                .flushMs(flushMs)
                .minCleanableDirtyRatio(minCleanableDirtyRatio);
    }

    /**
     * Log settings set by name; what is not set keeps Kafka's default. {@link #build()} checks the values as
     * the record's constructor does.
     */
    public static final class Builder {
        private int segmentBytes = 1 << 30;
        private long segmentMs = 7L * 24 * 60 * 60 * 1000;
        private int indexIntervalBytes = 4096;
        private int segmentIndexBytes = 10 << 20;
        private long retentionMs = DEFAULT_RETENTION_MS;
        private long retentionBytes = -1;
        private CleanupPolicy cleanupPolicy = CleanupPolicy.DELETE;
        private long deleteRetentionMs = DEFAULT_DELETE_RETENTION_MS;
        private long fileDeleteDelayMs = DEFAULT_FILE_DELETE_DELAY_MS;
        private long flushMessages = Long.MAX_VALUE;
        private long flushMs = Long.MAX_VALUE;
        private double minCleanableDirtyRatio = 0.5;

        private Builder() {
        }

        public Builder segmentBytes(int value) {
            segmentBytes = value;
            return this;
        }

        public Builder segmentMs(long value) {
            segmentMs = value;
            return this;
        }

        public Builder indexIntervalBytes(int value) {
            indexIntervalBytes = value;
            return this;
        }

        public Builder segmentIndexBytes(int value) {
            segmentIndexBytes = value;
            return this;
        }

        public Builder retentionMs(long value) {
            retentionMs = value;
            return this;
        }

        public Builder retentionBytes(long value) {
            retentionBytes = value;
            return this;
        }

        public Builder cleanupPolicy(CleanupPolicy value) {
            cleanupPolicy = value;
            return this;
        }

        public Builder deleteRetentionMs(long value) {
            deleteRetentionMs = value;
            return this;
        }

        public Builder fileDeleteDelayMs(long value) {
            fileDeleteDelayMs = value;
            return this;
        }

        public Builder flushMessages(long value) {
            flushMessages = value;
            return this;
        }

        public Builder flushMs(long value) {
            flushMs = value;
            return this;
        }

        public Builder minCleanableDirtyRatio(double value) {
            minCleanableDirtyRatio = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the Kafka key of a value out of range */
        public LogConfig build() {
            return new LogConfig(segmentBytes, segmentMs, indexIntervalBytes, segmentIndexBytes, retentionMs,
                    retentionBytes, cleanupPolicy, deleteRetentionMs, fileDeleteDelayMs, flushMessages, flushMs,
                    minCleanableDirtyRatio);
        }
    }
}
