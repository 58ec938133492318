package io.karst.broker.internal.handler;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.record.RecordBatch;
import io.karst.broker.internal.BatchConverter;
import io.karst.broker.internal.BatchValidator;
import io.karst.broker.internal.Partition;
import io.karst.broker.internal.Purgatory;
import io.karst.broker.internal.TopicManager;
import io.karst.broker.internal.TopicNames;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Produce: validates each partition's batch (its header, then every record, decompressing a
 * compressed batch to check them), converts it to the topic's {@code compression.type} where that
 * differs from the producer's codec, appends it with broker-assigned offsets (or finds it already
 * stored, for a resent idempotent batch), and wakes fetches waiting on the partition. Versions 0-2
 * are advertised for librdkafka's sake but answered UNSUPPORTED_VERSION, as Kafka 4 does.
 */
public final class ProduceHandler implements ApiHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProduceHandler.class);
    private static final int MIN_SERVED_VERSION = 3;

    private final TopicManager topics;
    private final BatchConverter converter;
    private final Purgatory fetchPurgatory;
    private final Clock clock;

    public ProduceHandler(TopicManager topics, BatchConverter converter, Purgatory fetchPurgatory, Clock clock) {
        this.topics = topics;
        this.converter = converter;
        this.fetchPurgatory = fetchPurgatory;
        this.clock = clock;
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
        short acks = body.getShort("acks");
        Errors requestError = Errors.NONE;
        if (request.version() < MIN_SERVED_VERSION) {
            requestError = Errors.UNSUPPORTED_VERSION;
        } else if (acks != -1 && acks != 0 && acks != 1) {
            requestError = Errors.INVALID_REQUIRED_ACKS;
        }
        Struct response = Protocol.newResponse(ApiKeys.PRODUCE, request.version());
        for (Struct topicData : body.getStructs("topic_data")) {
            String topic = topicData.getString("name");
            Struct topicResponse = response.addElement("responses").set("name", topic);
            for (Struct partitionData : topicData.getStructs("partition_data")) {
                int index = partitionData.getInt("index");
                Struct result = topicResponse.addElement("partition_responses").set("index", index);
                if (requestError != Errors.NONE) {
                    fail(result, requestError);
                } else {
                    produce(request, topic, index, acks, partitionData, result);
                }
            }
        }
        return CompletableFuture.completedFuture(acks == 0 ? null : response);
    }

    private void produce(Request request, String topic, int index, short acks, Struct partitionData, Struct result) {
        if (TopicNames.invalidReason(topic) != null) {
            fail(result, Errors.INVALID_TOPIC_EXCEPTION);
            return;
        }
        TopicPartition tp = new TopicPartition(topic, Math.max(index, 0));
        Partition partition = index < 0 ? null : topics.partition(tp);
        if (partition == null) {
            fail(result, Errors.UNKNOWN_TOPIC_OR_PARTITION);
            return;
        }
        try {
            RecordBatch batch = BatchValidator.validate(partitionData.getBytes("records"), request.version(),
                    partition.settings());
            if (acks == -1 && partition.settings().minInsyncReplicas() > 1) {
                throw new KarstException(Errors.NOT_ENOUGH_REPLICAS, "min.insync.replicas "
                        + partition.settings().minInsyncReplicas() + " exceeds the 1 in-sync replica of " + tp);
            }
            Partition.AppendOutcome outcome;
            try (BatchConverter.Prepared prepared = converter.prepare(batch, partition.settings())) {
                outcome = partition.append(prepared.batch(), clock.millis());
            }
            if (outcome.error() != Errors.NONE) {
                LOG.info("Rejected a batch for {} from {}: {}", tp, request.context().remoteAddress(), outcome.message());
                fail(result, outcome.error());
                return;
            }
            result.set("base_offset", outcome.baseOffset()).set("log_append_time_ms", outcome.logAppendTime())
                    .set("log_start_offset", partition.log().logStartOffset());
            fetchPurgatory.checkAndComplete(tp);
        } catch (KarstException e) {
            LOG.info("Rejected a batch for {} from {}: {} ({})", tp, request.context().remoteAddress(),
                    e.getMessage(), e.error());
            fail(result, e.error());
        } catch (IOException e) {
            LOG.error("Cannot append to {}", tp, e);
            fail(result, Errors.KAFKA_STORAGE_ERROR);
        }
    }

    private static void fail(Struct result, Errors error) {
        result.set("error_code", error.code()).set("base_offset", -1L);
    }
}
