package io.karst.storage.internal;

/**
 * A time index entry: {@code timestamp} is the greatest timestamp in the segment up to and including the
 * batch whose last offset is {@code offset}.
 */
record TimestampOffset(long timestamp, long offset) {
    /** Kafka's "no timestamp": below every real timestamp. */
    static final long NO_TIMESTAMP = -1L;
}
