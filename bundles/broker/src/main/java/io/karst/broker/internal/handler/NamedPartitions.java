package io.karst.broker.internal.handler;

import io.karst.api.TopicPartition;
import io.karst.broker.internal.Partition;
import io.karst.broker.internal.TopicManager;
import io.karst.protocol.Struct;

import java.util.function.Predicate;

/**
 * Where a request body names its partitions: an array of topics, each with a name and an array of
 * partitions, each with an index. Field names differ between APIs.
 */
record NamedPartitions(String topics, String name, String partitions, String index) {
    static final NamedPartitions PRODUCE = new NamedPartitions("topic_data", "name", "partition_data", "index");
    static final NamedPartitions FETCH = new NamedPartitions("topics", "topic", "partitions", "partition");

    /** Whether every partition {@code body} names is open on this broker and passes {@code test}; reads only memory. */
    boolean allOpen(Struct body, TopicManager topicManager, Predicate<Partition> test) {
        for (Struct topic : body.getStructs(topics)) {
            String topicName = topic.getString(name);
            for (Struct p : topic.getStructs(partitions)) {
                int partitionIndex = p.getInt(index);
                Partition partition = topicName == null || partitionIndex < 0 ? null
                        : topicManager.opened(new TopicPartition(topicName, partitionIndex));
                if (partition == null || !test.test(partition)) {
                    return false;
                }
            }
        }
        return true;
    }
}
