package io.karst.api.broker;

import io.karst.api.TopicPartition;
import io.karst.api.record.LogRecord;

/**
 * A record the console consumer read, with the partition it came from.
 *
 * @param topicPartition where it was read
 * @param record         the record: offset, timestamp, key, value, headers
 */
public record ConsumedRecord(TopicPartition topicPartition, LogRecord record) {
}
