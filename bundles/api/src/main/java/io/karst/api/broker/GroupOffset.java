package io.karst.api.broker;

import io.karst.api.TopicPartition;

/**
 * A group's committed offset for one partition.
 *
 * @param topicPartition the partition
 * @param committed      the committed offset
 * @param logEndOffset   the partition's log end offset, -1 when unknown
 * @param lag            {@code logEndOffset - committed} (never negative), -1 when unknown
 * @param memberId       the member the partition is assigned to, or null
 */
public record GroupOffset(TopicPartition topicPartition, long committed, long logEndOffset, long lag, String memberId) {
}
