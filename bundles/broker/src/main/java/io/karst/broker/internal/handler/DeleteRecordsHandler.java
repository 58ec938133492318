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
        for (Struct topic : request.body().getStructs("topics")) {
            String name = topic.getString("name");
            Struct topicResult = response.addElement("topics").set("name", name);
            for (Struct p : topic.getStructs("partitions")) {
                int index = p.getInt("partition_index");
                Struct result = topicResult.addElement("partitions").set("partition_index", index)
                        .set("low_watermark", -1L);
                Partition partition = index < 0 ? null : topics.partition(new TopicPartition(name, index));
                if (partition == null) {
                    result.set("error_code", Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
                    continue;
                }
                long offset = p.getLong("offset");
                try {
                    long target = offset == HIGH_WATERMARK ? partition.highWatermark() : offset;
                    if (target < 0 || target > partition.highWatermark()) {
                        throw new KarstException(Errors.OFFSET_OUT_OF_RANGE, "offset " + offset
                                + " is not between 0 and the high watermark " + partition.highWatermark());
                    }
                    result.set("low_watermark", partition.log().deleteRecordsBefore(target));
                } catch (KarstException e) {
                    LOG.info("Did not delete records of {} before {}: {}", partition.topicPartition(), offset, e.getMessage());
                    result.set("error_code", e.error().code());
                } catch (IOException e) {
                    LOG.error("Cannot delete records of {} before {}", partition.topicPartition(), offset, e);
                    result.set("error_code", Errors.KAFKA_STORAGE_ERROR.code());
                }
            }
        }
        return CompletableFuture.completedFuture(response);
    }
}
