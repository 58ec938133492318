package io.karst.api.broker;

import io.karst.api.TopicPartition;

/**
 * Where the console producer's record was written.
 *
 * @param topicPartition its partition
 * @param offset         its offset
 */
public record ProducedRecord(TopicPartition topicPartition, long offset) {
}
