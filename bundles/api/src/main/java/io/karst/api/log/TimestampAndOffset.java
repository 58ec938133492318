package io.karst.api.log;

/**
 * The answer to a look-up by time: the first offset whose record timestamp is at or after the time asked
 * for, and that record's timestamp.
 */
public record TimestampAndOffset(long timestamp, long offset) {
}
