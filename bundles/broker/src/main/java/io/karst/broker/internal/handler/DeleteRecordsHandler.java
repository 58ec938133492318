package io.karst.broker.internal.handler;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.broker.internal.Partition;
import io.karst.broker.internal.TopicManager;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static io.karst.protocol.messages.DeleteRecordsMessage.ERROR_CODE;
import static io.karst.protocol.messages.DeleteRecordsMessage.LOW_WATERMARK;
import static io.karst.protocol.messages.DeleteRecordsMessage.NAME;
import static io.karst.protocol.messages.DeleteRecordsMessage.OFFSET;
import static io.karst.protocol.messages.DeleteRecordsMessage.PARTITION_INDEX;
import static io.karst.protocol.messages.DeleteRecordsMessage.REQUEST_TOPICS;
import static io.karst.protocol.messages.DeleteRecordsMessage.RESPONSE_TOPICS;
import static io.karst.protocol.messages.DeleteRecordsMessage.TOPIC_PARTITIONS;
import static io.karst.protocol.messages.DeleteRecordsMessage.TOPIC_RESULT_PARTITIONS;

/**
 * DeleteRecords: moves each partition's log start offset up to the offset asked for (-1: the high
 * watermark), deleting the segments wholly below it; answers with the new log start offset (the low
 * watermark). An offset past the high watermark is OFFSET_OUT_OF_RANGE.
 */
public final class DeleteRecordsHandler implements ApiHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeleteRecordsHandler.class);
    private static final long HIGH_WATERMARK = -1L;

    private final TopicManager topics;

    public DeleteRecordsHandler(TopicManager topics) {
        this.topics = topics;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.DELETE_RECORDS;
    }

    @Override
    public CompletionStage<Struct> handle(Request request) {
        Struct response = Protocol.newResponse(ApiKeys.DELETE_RECORDS, request.version());
        for (Struct topic : request.body().get(REQUEST_TOPICS)) {
            String name = topic.get(NAME);
            Struct topicResult = response.addElement(RESPONSE_TOPICS).set(NAME, name);
            for (Struct p : topic.get(TOPIC_PARTITIONS)) {
                int index = p.getInt(PARTITION_INDEX);
                Struct result = topicResult.addElement(TOPIC_RESULT_PARTITIONS).set(PARTITION_INDEX, index)
                        .set(LOW_WATERMARK, -1L);
                Partition partition = index < 0 ? null : topics.partition(new TopicPartition(name, index));
                if (partition == null) {
                    result.set(ERROR_CODE, Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
                    continue;
                }
                long offset = p.getLong(OFFSET);
                try {
                    long target = offset == HIGH_WATERMARK ? partition.highWatermark() : offset;
                    if (target < 0 || target > partition.highWatermark()) {
                        throw new KarstException(Errors.OFFSET_OUT_OF_RANGE, "offset " + offset
                                + " is not between 0 and the high watermark " + partition.highWatermark());
                    }
                    result.set(LOW_WATERMARK, partition.log().deleteRecordsBefore(target));
                } catch (KarstException e) {
                    LOG.info("Did not delete records of {} before {}: {}", partition.topicPartition(), offset, e.getMessage());
                    result.set(ERROR_CODE, e.error().code());
                } catch (IOException e) {
                    LOG.error("Cannot delete records of {} before {}", partition.topicPartition(), offset, e);
                    result.set(ERROR_CODE, Errors.KAFKA_STORAGE_ERROR.code());
                }
            }
        }
        return CompletableFuture.completedFuture(response);
    }
}
