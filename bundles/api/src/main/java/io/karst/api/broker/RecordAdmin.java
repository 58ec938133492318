package io.karst.api.broker;

import io.karst.api.TopicPartition;
import io.karst.api.record.Header;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Records as the console producer, consumer and log dump handle them, through the running broker
 * rather than a Kafka client.
 */
public interface RecordAdmin {

    /**
     * Appends one record to {@code partition}, or, when it is null, to the partition of its key (Kafka's
     * murmur2 partitioner) or partition 0 for a record without a key.
     *
     * @return where it was written
     * @throws io.karst.api.KarstException UNKNOWN_TOPIC_OR_PARTITION, MESSAGE_TOO_LARGE, KAFKA_STORAGE_ERROR
     */
    ProducedRecord produce(String topic, Integer partition, byte[] key, byte[] value, List<Header> headers);

    /**
     * Reads records as {@code request} says; completes when at least one record is there or the
     * request's wait ends (then possibly with none).
     */
    CompletionStage<List<ConsumedRecord>> consume(ConsumeRequest request);

    /**
     * Walks the segments of a partition on this broker (only the one based at {@code segmentBaseOffset}
     * when not null), batch by batch, as Kafka's DumpLogSegments does.
     *
     * @throws io.karst.api.KarstException UNKNOWN_TOPIC_OR_PARTITION, or KAFKA_STORAGE_ERROR when a file cannot be read
     */
    void dumpLog(TopicPartition partition, Long segmentBaseOffset, LogDumpVisitor visitor);
}
