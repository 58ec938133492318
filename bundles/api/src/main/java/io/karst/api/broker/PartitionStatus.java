package io.karst.api.broker;

import io.karst.api.TopicPartition;

/** A partition served by this broker, as the console shows it. */
public record PartitionStatus(TopicPartition topicPartition, int leader, long logStartOffset, long logEndOffset,
                              int segments, long sizeInBytes) {
}
