package io.karst.broker.internal.handler;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.log.LogSlice;
import io.karst.api.request.ResponsePart;
import io.karst.broker.internal.DelayedOperation;
import io.karst.broker.internal.Partition;
import io.karst.broker.internal.Purgatory;
import io.karst.broker.internal.TopicManager;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static io.karst.protocol.messages.FetchMessage.ABORTED_TRANSACTIONS;
import static io.karst.protocol.messages.FetchMessage.CURRENT_LEADER_EPOCH;
import static io.karst.protocol.messages.FetchMessage.FETCH_OFFSET;
import static io.karst.protocol.messages.FetchMessage.FETCH_TOPIC_PARTITIONS;
import static io.karst.protocol.messages.FetchMessage.HIGH_WATERMARK;
import static io.karst.protocol.messages.FetchMessage.ISOLATION_LEVEL;
import static io.karst.protocol.messages.FetchMessage.LAST_STABLE_OFFSET;
import static io.karst.protocol.messages.FetchMessage.LOG_START_OFFSET;
import static io.karst.protocol.messages.FetchMessage.MAX_BYTES;
import static io.karst.protocol.messages.FetchMessage.MAX_WAIT_MS;
import static io.karst.protocol.messages.FetchMessage.MIN_BYTES;
import static io.karst.protocol.messages.FetchMessage.PARTITION;
import static io.karst.protocol.messages.FetchMessage.PARTITION_DATA_ERROR_CODE;
import static io.karst.protocol.messages.FetchMessage.PARTITION_INDEX;
import static io.karst.protocol.messages.FetchMessage.PARTITION_MAX_BYTES;
import static io.karst.protocol.messages.FetchMessage.RECORDS;
import static io.karst.protocol.messages.FetchMessage.RESPONSES;
import static io.karst.protocol.messages.FetchMessage.TOPIC;
import static io.karst.protocol.messages.FetchMessage.TOPICS;
import static io.karst.protocol.messages.FetchMessage.TOPIC_RESPONSE_PARTITIONS;

/**
 * Fetch: record data per partition, sent from the segment files. Answers at once when
 * {@code max_wait_ms <= 0}, when {@code min_bytes} are there, or on an error; otherwise the request
 * waits in the purgatory until an append brings enough bytes or the wait ends. Fetch sessions are
 * declined (session id 0), so every response is full.
 */
public final class FetchHandler implements ApiHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FetchHandler.class);
    private static final byte READ_COMMITTED = 1;
    private static final ByteBuffer NO_RECORDS = ByteBuffer.allocate(0);

    private final TopicManager topics;
    private final Purgatory purgatory;

    public FetchHandler(TopicManager topics, Purgatory purgatory) {
        this.topics = topics;
        this.purgatory = purgatory;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.FETCH;
    }

    /** When every partition it reads is open: reading then touches only the indexes and the page cache. */
    @Override
    public boolean servesOnNetworkThread(Request request) {
        return NamedPartitions.FETCH.allOpen(request.body(), topics, partition -> true);
    }

    @Override
    public CompletionStage<Struct> handle(Request request) {
        FetchPlan plan = new FetchPlan(request);
        CompletableFuture<Struct> result = new CompletableFuture<>();
        ReadResult now = plan.read();
        if (plan.maxWaitMs <= 0 || now.bytes >= plan.minBytes || now.hasError || plan.partitions.isEmpty()) {
            result.complete(now.response);
            return result;
        }
        DelayedOperation delayed = new DelayedOperation() {
            @Override
            protected boolean isSatisfied() {
                ReadResult r = plan.read();
                return r.bytes >= plan.minBytes || r.hasError;
            }

            @Override
            protected void onComplete() {
                try {
                    result.complete(plan.read().response);
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }
        };
        Set<TopicPartition> keys = new LinkedHashSet<>();
        for (PartitionFetch p : plan.partitions) {
            if (p.tp != null) {
                keys.add(p.tp);
            }
        }
        purgatory.tryCompleteElseWatch(delayed, keys, plan.maxWaitMs);
        return result;
    }

    /** One partition asked for; {@code tp} is null for a negative index, which no topic has. */
    private record PartitionFetch(String topic, int index, TopicPartition tp, int currentLeaderEpoch, long offset,
                                  int maxBytes) {
    }

    private record ReadResult(Struct response, long bytes, boolean hasError) {
    }

    /** What one Fetch asks for; it can be read again and again while the request waits. */
    private final class FetchPlan {
        private final int version;
        private final int maxWaitMs;
        private final int minBytes;
        private final int maxBytes;
        private final boolean readCommitted;
        private final List<String> topicOrder = new ArrayList<>();
        private final List<PartitionFetch> partitions = new ArrayList<>();

        FetchPlan(Request request) {
            Struct body = request.body();
            version = request.version();
            maxWaitMs = body.getInt(MAX_WAIT_MS);
            minBytes = body.getInt(MIN_BYTES);
            maxBytes = body.getInt(MAX_BYTES);
            readCommitted = body.getByte(ISOLATION_LEVEL) == READ_COMMITTED;
            for (Struct topic : body.get(TOPICS)) {
                String name = topic.get(TOPIC);
                topicOrder.add(name);
                for (Struct p : topic.get(FETCH_TOPIC_PARTITIONS)) {
                    int index = p.getInt(PARTITION);
                    partitions.add(new PartitionFetch(name, index, index < 0 ? null : new TopicPartition(name, index),
                            p.getInt(CURRENT_LEADER_EPOCH), p.getLong(FETCH_OFFSET),
                            p.getInt(PARTITION_MAX_BYTES)));
                }
            }
        }

        ReadResult read() {
            Struct response = Protocol.newResponse(ApiKeys.FETCH, version);
            long total = 0;
            boolean hasError = false;
            int remaining = maxBytes;
            int next = 0;
            for (String name : topicOrder) {
                Struct topic = response.addElement(RESPONSES).set(TOPIC, name);
                while (next < partitions.size() && partitions.get(next).topic.equals(name)) {
                    PartitionFetch fetch = partitions.get(next++);
                    Struct data = topic.addElement(TOPIC_RESPONSE_PARTITIONS).set(PARTITION_INDEX, fetch.index);
                    int limit = Math.max(0, Math.min(fetch.maxBytes, remaining));
                    Errors error = readPartition(fetch, data, limit, total == 0);
                    if (error != Errors.NONE) {
                        hasError = true;
                        data.set(PARTITION_DATA_ERROR_CODE, error.code()).set(HIGH_WATERMARK, -1L)
                                .set(LAST_STABLE_OFFSET, -1L).set(LOG_START_OFFSET, -1L).set(RECORDS, NO_RECORDS);
                    }
                    Object records = data.get(RECORDS);
                    long size = records instanceof ResponsePart.FileRegion region ? region.count() : 0;
                    total += size;
                    remaining -= (int) Math.min(remaining, size);
                }
            }
            return new ReadResult(response, total, hasError);
        }

        private Errors readPartition(PartitionFetch fetch, Struct data, int limit, boolean minOneBatch) {
            Partition partition = fetch.tp == null ? null : topics.partition(fetch.tp);
            if (partition == null) {
                return Errors.UNKNOWN_TOPIC_OR_PARTITION;
            }
            if (fetch.currentLeaderEpoch >= 0 && fetch.currentLeaderEpoch != partition.leaderEpoch()) {
                return fetch.currentLeaderEpoch < partition.leaderEpoch()
                        ? Errors.FENCED_LEADER_EPOCH : Errors.UNKNOWN_LEADER_EPOCH;
            }
            long highWatermark = partition.highWatermark();
            data.set(HIGH_WATERMARK, highWatermark).set(LAST_STABLE_OFFSET, highWatermark)
                    .set(LOG_START_OFFSET, partition.log().logStartOffset())
                    .set(ABORTED_TRANSACTIONS, readCommitted ? new ArrayList<>() : null);
            try {
                LogSlice slice = partition.log().read(fetch.offset, limit, minOneBatch);
                data.set(RECORDS, slice.isEmpty() ? NO_RECORDS
                        : new ResponsePart.FileRegion(slice.file(), slice.channel(), slice.position(), slice.sizeInBytes()));
                return Errors.NONE;
            } catch (KarstException e) {
                LOG.debug("Fetch of {} at {} failed: {}", fetch.tp, fetch.offset, e.getMessage());
                return e.error();
            } catch (IOException e) {
                LOG.error("Cannot read {} at offset {}", fetch.tp, fetch.offset, e);
                return Errors.KAFKA_STORAGE_ERROR;
            }
        }
    }
}
