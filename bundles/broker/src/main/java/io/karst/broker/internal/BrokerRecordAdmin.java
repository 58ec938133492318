package io.karst.broker.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.broker.ConsumeRequest;
import io.karst.api.broker.ConsumedRecord;
import io.karst.api.broker.LogDumpVisitor;
import io.karst.api.broker.ProducedRecord;
import io.karst.api.broker.RecordAdmin;
import io.karst.api.coordination.TopicDescription;
import io.karst.api.group.CommittedOffset;
import io.karst.api.group.GroupService;
import io.karst.api.group.GroupState;
import io.karst.api.group.GroupSummary;
import io.karst.api.group.OffsetCommit;
import io.karst.api.record.Header;
import io.karst.api.record.RecordBatch;
import io.karst.api.record.RecordBatchBuilder;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The console producer and consumer and the log dump, over the broker's partitions: a produced record
 * goes the way a Kafka producer's batch goes, through the {@link PartitionAppender}; the consumer reads from the log files, waits in the fetch purgatory when there is nothing
 * yet, and, with a group, starts at and commits to the group's offsets.
 */
final class BrokerRecordAdmin implements RecordAdmin {
    /** The console producer's record is answered once written, as with a producer's {@code acks=1}. */
    private static final short ACKS = 1;
    private static final int READ_BYTES = 1 << 20;

    private final TopicManager topics;
    private final PartitionAppender appender;
    private final Purgatory fetchPurgatory;
    private final GroupService groups;
    private final RecordDecoder decoder;
    private final Clock clock;

    BrokerRecordAdmin(TopicManager topics, PartitionAppender appender, Purgatory fetchPurgatory,
                      GroupService groups, CodecRegistry codecs, Clock clock) {
        this.topics = topics;
        this.appender = appender;
        this.fetchPurgatory = fetchPurgatory;
        this.groups = groups;
        this.decoder = new RecordDecoder(codecs);
        this.clock = clock;
    }

    // ---------------------------------------------------------------- produce

    @Override
    public ProducedRecord produce(String topic, Integer partition, byte[] key, byte[] value, List<Header> headers) {
        TopicDescription described = existing(topic);
        int index = partition != null ? partition : key == null ? 0 : Murmur2.partition(key, described.partitionCount());
        TopicPartition tp = new TopicPartition(topic, index);
        local(tp);
        RecordBatch sent = new RecordBatchBuilder().add(clock.millis(), key, value, headers).build();
        AppendOutcome outcome = appender.append(tp, sent, AppendOrigin.CONSOLE, ACKS, 0).toCompletableFuture().join();
        if (!outcome.succeeded()) {
            throw new KarstException(outcome.error(), outcome.message());
        }
        return new ProducedRecord(tp, outcome.baseOffset());
    }

    // ---------------------------------------------------------------- consume

    @Override
    public CompletionStage<List<ConsumedRecord>> consume(ConsumeRequest request) {
        TopicDescription described = existing(request.topic());
        List<TopicPartition> partitions = new ArrayList<>();
        for (int index : described.partitions().keySet()) {
            if (request.partition() == null || request.partition() == index) {
                partitions.add(new TopicPartition(request.topic(), index));
            }
        }
        if (partitions.isEmpty()) {
            throw unknown(new TopicPartition(request.topic(), request.partition()));
        }
        if (request.group() != null) {
            checkInactive(request.group());
        }
        Map<TopicPartition, Long> positions = startPositions(request, partitions);
        List<ConsumedRecord> now = read(positions, request.maxRecords());
        if (!now.isEmpty() || request.waitMs() <= 0) {
            return CompletableFuture.completedFuture(commit(request.group(), positions, now));
        }
        CompletableFuture<List<ConsumedRecord>> result = new CompletableFuture<>();
        fetchPurgatory.tryCompleteElseWatch(new DelayedOperation() {
            @Override
            protected boolean isSatisfied() {
                return positions.entrySet().stream().anyMatch(e -> local(e.getKey()).highWatermark() > e.getValue());
            }

            @Override
            protected void onComplete() {
                try {
                    result.complete(commit(request.group(), positions, read(positions, request.maxRecords())));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }
        }, partitions, request.waitMs());
        return result;
    }

    /** The console consumer reads for a group as an {@code assign()} user does: only while the group has no members. */
    private void checkInactive(String group) {
        GroupSummary summary = groups.describeGroup(group);
        if (summary.state() != GroupState.EMPTY && summary.state() != GroupState.DEAD) {
            throw new KarstException(Errors.NON_EMPTY_GROUP, "Group '" + group + "' has " + summary.members().size()
                    + " active members (state " + summary.state().kafkaName() + "); consume with another group or none.");
        }
    }

    private Map<TopicPartition, Long> startPositions(ConsumeRequest request, List<TopicPartition> partitions) {
        Map<TopicPartition, CommittedOffset> committed = request.group() == null ? Map.of()
                : groups.fetch(request.group(), partitions);
        Map<TopicPartition, Long> positions = new LinkedHashMap<>();
        for (TopicPartition tp : partitions) {
            Partition p = local(tp);
            CommittedOffset c = committed.get(tp);
            try {
                long start = c != null ? c.offset() : OffsetResolver.resolve(p, request.from());
                positions.put(tp, Math.max(p.log().logStartOffset(), Math.min(p.highWatermark(), start)));
            } catch (IOException e) {
                throw storageError(tp, e);
            }
        }
        return positions;
    }

    /** Reads up to {@code max} records from the positions, partition after partition, advancing them. */
    private List<ConsumedRecord> read(Map<TopicPartition, Long> positions, int max) {
        List<ConsumedRecord> records = new ArrayList<>();
        for (Map.Entry<TopicPartition, Long> entry : positions.entrySet()) {
            Partition p = local(entry.getKey());
            long position = entry.getValue();
            long end = p.highWatermark();
            try {
                while (position < end && records.size() < max) {
                    List<RecordBatch> batches = LogReader.read(p.log(), position, READ_BYTES);
                    if (batches.isEmpty()) {
                        break;
                    }
                    for (RecordBatch batch : batches) {
                        position = readBatch(entry.getKey(), batch, position, end, max, records);
                        if (records.size() >= max) {
                            break;
                        }
                    }
                }
            } catch (IOException e) {
                throw storageError(entry.getKey(), e);
            }
            entry.setValue(position);
        }
        return records;
    }

    /** Adds the batch's records from {@code position} on; returns the position after the last one taken. */
    private long readBatch(TopicPartition tp, RecordBatch batch, long position, long end, int max,
                           List<ConsumedRecord> records) throws IOException {
        if (batch.nextOffset() <= position) {
            return position;
        }
        if (batch.isControl()) {
            return batch.nextOffset();
        }
        var decoded = decoder.decode(batch).orElseThrow(() -> new KarstException(Errors.UNSUPPORTED_COMPRESSION_TYPE,
                "The batch at offset " + batch.baseOffset() + " of " + tp + " is compressed with codec id "
                        + batch.compressionId() + ", which is not installed."));
        for (var record : decoded) {
            if (records.size() >= max) {
                return position;
            }
            if (record.offset() >= position && record.offset() < end) {
                records.add(new ConsumedRecord(tp, record));
                position = record.offset() + 1;
            }
        }
        return Math.max(position, Math.min(end, batch.nextOffset()));
    }

    /** With a group: commits the positions reached, as a consumer without a generation does. */
    private List<ConsumedRecord> commit(String group, Map<TopicPartition, Long> positions, List<ConsumedRecord> read) {
        if (group == null) {
            return read;
        }
        Map<TopicPartition, OffsetCommit> commits = new LinkedHashMap<>();
        positions.forEach((tp, position) -> commits.put(tp, new OffsetCommit(position, -1, "")));
        groups.commit(group, -1, "", null, commits).forEach((tp, error) -> {
            if (error != Errors.NONE) {
                throw new KarstException(error, "Cannot commit the offsets of group '" + group + "' for " + tp + ": "
                        + error + ".");
            }
        });
        return read;
    }

    // ---------------------------------------------------------------- log dump

    @Override
    public void dumpLog(TopicPartition partition, Long segmentBaseOffset, LogDumpVisitor visitor) {
        try {
            new LogDump(local(partition), decoder).walk(segmentBaseOffset, visitor);
        } catch (IOException e) {
            throw storageError(partition, e);
        }
    }

    // ----------------------------------------------------------------

    private TopicDescription existing(String topic) {
        return topics.describe(topic).orElseThrow(() ->
                new KarstException(Errors.UNKNOWN_TOPIC_OR_PARTITION, "Topic '" + topic + "' does not exist."));
    }

    private Partition local(TopicPartition tp) {
        Partition p = topics.partition(tp);
        if (p == null) {
            throw unknown(tp);
        }
        return p;
    }

    private static KarstException unknown(TopicPartition tp) {
        return new KarstException(Errors.UNKNOWN_TOPIC_OR_PARTITION, "Partition " + tp.partition() + " of topic '"
                + tp.topic() + "' does not exist on this broker.");
    }

    private static KarstException storageError(TopicPartition tp, IOException e) {
        return new KarstException(Errors.KAFKA_STORAGE_ERROR, "Cannot read " + tp + ": " + e.getMessage(), e);
    }
}
