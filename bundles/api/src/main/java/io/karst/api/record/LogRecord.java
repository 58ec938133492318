package io.karst.api.record;

import java.util.List;

/**
 * One record of a batch, decoded: its absolute offset and timestamp, key, value and headers.
 *
 * @param offset    the record's offset in its partition
 * @param timestamp CreateTime, or the batch's LogAppendTime when the batch says so
 * @param key       the key, or null
 * @param value     the value, or null (a tombstone)
 * @param headers   the headers in order
 */
public record LogRecord(long offset, long timestamp, byte[] key, byte[] value, List<Header> headers) {
    public LogRecord {
        headers = List.copyOf(headers);
    }
}
