package io.karst.api.broker;

/**
 * What the console consumer asks for.
 *
 * @param topic      the topic
 * @param partition  one partition, or null for all of them
 * @param from       where to start in each partition when the group has no committed offset (or there is no group)
 * @param group      a group whose committed offsets to start from and to commit to afterwards (it
 *                   must have no members), or null
 * @param maxRecords the most records to return
 * @param waitMs     how long to wait when no record is there yet
 */
public record ConsumeRequest(String topic, Integer partition, OffsetSpec from, String group, int maxRecords,
                             long waitMs) {
}
