package io.karst.broker.internal.handler;

import io.karst.api.Errors;
import io.karst.api.TopicPartition;
import io.karst.api.log.PartitionLog;
import io.karst.api.log.TimestampAndOffset;
import io.karst.broker.internal.Partition;
import io.karst.broker.internal.TopicManager;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static io.karst.protocol.messages.ListOffsetsMessage.ERROR_CODE;
import static io.karst.protocol.messages.ListOffsetsMessage.NAME;
import static io.karst.protocol.messages.ListOffsetsMessage.OFFSET;
import static io.karst.protocol.messages.ListOffsetsMessage.PARTITION_INDEX;
import static io.karst.protocol.messages.ListOffsetsMessage.PARTITION_RESPONSE_TIMESTAMP;
import static io.karst.protocol.messages.ListOffsetsMessage.PARTITION_TIMESTAMP;
import static io.karst.protocol.messages.ListOffsetsMessage.REQUEST_TOPICS;
import static io.karst.protocol.messages.ListOffsetsMessage.RESPONSE_TOPICS;
import static io.karst.protocol.messages.ListOffsetsMessage.TOPIC_PARTITIONS;
import static io.karst.protocol.messages.ListOffsetsMessage.TOPIC_RESPONSE_PARTITIONS;

/**
 * ListOffsets: the earliest (-2) or latest (-1) offset of a partition, or the first offset whose
 * record timestamp reaches a given time, found through the segments' time indexes: exact per record
 * in uncompressed batches; a compressed batch answers with its first offset and greatest timestamp.
 */
public final class ListOffsetsHandler implements ApiHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ListOffsetsHandler.class);
    static final long LATEST = -1L;
    static final long EARLIEST = -2L;

    private final TopicManager topics;

    public ListOffsetsHandler(TopicManager topics) {
        this.topics = topics;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.LIST_OFFSETS;
    }

    @Override
    public CompletionStage<Struct> handle(Request request) {
        Struct response = Protocol.newResponse(ApiKeys.LIST_OFFSETS, request.version());
        for (Struct topic : request.body().get(REQUEST_TOPICS)) {
            String name = topic.get(NAME);
            Struct topicResponse = response.addElement(RESPONSE_TOPICS).set(NAME, name);
            for (Struct p : topic.get(TOPIC_PARTITIONS)) {
                int index = p.getInt(PARTITION_INDEX);
                Struct result = topicResponse.addElement(TOPIC_RESPONSE_PARTITIONS).set(PARTITION_INDEX, index);
                Partition partition = index < 0 ? null : topics.partition(new TopicPartition(name, index));
                if (partition == null) {
                    result.set(ERROR_CODE, Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
                    continue;
                }
                try {
                    lookUp(partition, p.getLong(PARTITION_TIMESTAMP), result);
                } catch (IOException e) {
                    LOG.error("Cannot read {}", partition.topicPartition(), e);
                    result.set(ERROR_CODE, Errors.KAFKA_STORAGE_ERROR.code());
                }
            }
        }
        return CompletableFuture.completedFuture(response);
    }

    private static void lookUp(Partition partition, long timestamp, Struct result) throws IOException {
        PartitionLog log = partition.log();
        if (timestamp == EARLIEST) {
            result.set(OFFSET, log.logStartOffset());
        } else if (timestamp == LATEST) {
            result.set(OFFSET, partition.highWatermark());
        } else if (timestamp < 0) {
            result.set(ERROR_CODE, Errors.UNSUPPORTED_VERSION.code());
        } else {
            Optional<TimestampAndOffset> found = log.offsetForTimestamp(timestamp);
            result.set(OFFSET, found.map(TimestampAndOffset::offset).orElse(-1L))
                    .set(PARTITION_RESPONSE_TIMESTAMP, found.map(TimestampAndOffset::timestamp).orElse(-1L));
        }
    }
}
