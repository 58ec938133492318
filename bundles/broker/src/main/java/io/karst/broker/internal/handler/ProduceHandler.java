package io.karst.broker.internal.handler;

import io.karst.api.Errors;
import io.karst.api.TopicPartition;
import io.karst.api.record.RecordError;
import io.karst.broker.internal.AppendOrigin;
import io.karst.broker.internal.AppendOutcome;
import io.karst.broker.internal.Partition;
import io.karst.broker.internal.PartitionAppender;
import io.karst.broker.internal.TopicManager;
import io.karst.broker.internal.TopicNames;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static io.karst.protocol.messages.ProduceMessage.ACKS;
import static io.karst.protocol.messages.ProduceMessage.BASE_OFFSET;
import static io.karst.protocol.messages.ProduceMessage.BATCH_INDEX;
import static io.karst.protocol.messages.ProduceMessage.BATCH_INDEX_ERROR_MESSAGE;
import static io.karst.protocol.messages.ProduceMessage.ERROR_CODE;
import static io.karst.protocol.messages.ProduceMessage.ERROR_MESSAGE;
import static io.karst.protocol.messages.ProduceMessage.INDEX;
import static io.karst.protocol.messages.ProduceMessage.LOG_APPEND_TIME_MS;
import static io.karst.protocol.messages.ProduceMessage.LOG_START_OFFSET;
import static io.karst.protocol.messages.ProduceMessage.NAME;
import static io.karst.protocol.messages.ProduceMessage.PARTITION_DATA;
import static io.karst.protocol.messages.ProduceMessage.PARTITION_RESPONSES;
import static io.karst.protocol.messages.ProduceMessage.RECORDS;
import static io.karst.protocol.messages.ProduceMessage.RECORD_ERRORS;
import static io.karst.protocol.messages.ProduceMessage.RESPONSES;
import static io.karst.protocol.messages.ProduceMessage.TIMEOUT_MS;
import static io.karst.protocol.messages.ProduceMessage.TOPIC_DATA;

/**
 * Produce: each partition's batch goes through the {@link PartitionAppender} (checks, the topic's
 * compression, append, waking fetches, meters); the answer waits for the {@code acks=-1} batches to be
 * committed. From v8 a refused batch's answer carries the reason and the records to blame (KIP-467).
 * Versions 0-2 are advertised for librdkafka's sake but answered UNSUPPORTED_VERSION, as Kafka 4 does.
 */
public final class ProduceHandler implements ApiHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProduceHandler.class);
    private static final int MIN_SERVED_VERSION = 3;
    private static final int FIRST_RECORD_ERRORS_VERSION = 8;

    private final TopicManager topics;
    private final PartitionAppender appender;

    public ProduceHandler(TopicManager topics, PartitionAppender appender) {
        this.topics = topics;
        this.appender = appender;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.PRODUCE;
    }

    /** When every partition it writes is open and none forces its log to disk on append. */
    @Override
    public boolean servesOnNetworkThread(Request request) {
        return NamedPartitions.PRODUCE.allOpen(request.body(), topics, partition -> !partition.flushesOnAppend());
    }

    @Override
    public CompletionStage<Struct> handle(Request request) {
        Struct body = request.body();
        short acks = body.getShort(ACKS);
        Errors requestError = Errors.NONE;
        if (request.version() < MIN_SERVED_VERSION) {
            requestError = Errors.UNSUPPORTED_VERSION;
        } else if (acks != -1 && acks != 0 && acks != 1) {
            requestError = Errors.INVALID_REQUIRED_ACKS;
        }
        Struct response = Protocol.newResponse(ApiKeys.PRODUCE, request.version());
        List<CompletableFuture<Void>> waiting = null;
        for (Struct topicData : body.get(TOPIC_DATA)) {
            String topic = topicData.get(NAME);
            Struct topicResponse = response.addElement(RESPONSES).set(NAME, topic);
            for (Struct partitionData : topicData.get(PARTITION_DATA)) {
                int index = partitionData.getInt(INDEX);
                Struct result = topicResponse.addElement(PARTITION_RESPONSES).set(INDEX, index);
                CompletableFuture<Void> pending = null;
                if (requestError != Errors.NONE) {
                    fail(result, requestError);
                } else {
                    pending = produce(request, topic, index, acks, partitionData, result);
                }
                if (pending != null) {
                    waiting = waiting == null ? new ArrayList<>() : waiting;
                    waiting.add(pending);
                }
            }
        }
        Struct answer = acks == 0 ? null : response;
        return waiting == null ? CompletableFuture.completedFuture(answer)
                : CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).thenApply(done -> answer);
    }

    /** Appends one partition's batch and fills its answer; returns what to wait for, or null when answered. */
    private CompletableFuture<Void> produce(Request request, String topic, int index, short acks,
                                            Struct partitionData, Struct result) {
        if (TopicNames.invalidReason(topic) != null) {
            fail(result, Errors.INVALID_TOPIC_EXCEPTION);
            return null;
        }
        Partition partition = index < 0 ? null : topics.partition(new TopicPartition(topic, index));
        if (partition == null) {
            fail(result, Errors.UNKNOWN_TOPIC_OR_PARTITION);
            return null;
        }
        AppendOutcome outcome = appender.append(partition, (ByteBuffer) partitionData.get(RECORDS), AppendOrigin.CLIENT,
                request.version(), acks);
        if (appender.isDurable(partition, outcome, acks)) {
            answer(request, partition, outcome, result);
            return null;
        }
        return appender.whenDurable(partition, outcome, acks, request.body().getInt(TIMEOUT_MS))
                .thenAccept(durable -> answer(request, partition, durable, result)).toCompletableFuture();
    }

    private static void answer(Request request, Partition partition, AppendOutcome outcome, Struct result) {
        if (outcome.succeeded()) {
            result.set(BASE_OFFSET, outcome.baseOffset()).set(LOG_APPEND_TIME_MS, outcome.logAppendTime())
                    .set(LOG_START_OFFSET, outcome.logStartOffset());
            return;
        }
        LOG.info("Rejected a batch for {} from {}: {} ({})", partition.topicPartition(),
                request.context().remoteAddress(), outcome.message(), outcome.error());
        fail(result, outcome.error());
        if (request.version() >= FIRST_RECORD_ERRORS_VERSION) {
            result.set(ERROR_MESSAGE, outcome.message());
            for (RecordError error : outcome.recordErrors()) {
                result.addElement(RECORD_ERRORS).set(BATCH_INDEX, error.batchIndex())
                        .set(BATCH_INDEX_ERROR_MESSAGE, error.message());
            }
        }
    }

    private static void fail(Struct result, Errors error) {
        result.set(ERROR_CODE, error.code()).set(BASE_OFFSET, -1L);
    }
}
