package io.karst.broker.internal.handler;

import io.karst.api.TopicPartition;
import io.karst.broker.internal.Partition;
import io.karst.broker.internal.TopicManager;
import io.karst.protocol.Field;
import io.karst.protocol.Struct;
import io.karst.protocol.messages.FetchMessage;
import io.karst.protocol.messages.ProduceMessage;

import java.util.List;
import java.util.function.Predicate;

/**
 * Where a request body names its partitions: an array of topics, each with a name and an array of
 * partitions, each with an index. Field names differ between APIs.
 */
record NamedPartitions(Field<List<Struct>> topics, Field<String> name, Field<List<Struct>> partitions,
                       Field<Integer> index) {
    static final NamedPartitions PRODUCE = new NamedPartitions(ProduceMessage.TOPIC_DATA, ProduceMessage.NAME,
            ProduceMessage.PARTITION_DATA, ProduceMessage.INDEX);
    static final NamedPartitions FETCH = new NamedPartitions(FetchMessage.TOPICS, FetchMessage.TOPIC,
            FetchMessage.FETCH_TOPIC_PARTITIONS, FetchMessage.PARTITION);

    /** Whether every partition {@code body} names is open on this broker and passes {@code test}; reads only memory. */
    boolean allOpen(Struct body, TopicManager topicManager, Predicate<Partition> test) {
        for (Struct topic : body.get(topics)) {
            String topicName = topic.get(name);
            for (Struct p : topic.get(partitions)) {
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
