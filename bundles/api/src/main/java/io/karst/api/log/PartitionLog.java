package io.karst.api.log;

import io.karst.api.TopicPartition;
import io.karst.api.record.RecordBatch;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One partition's append-only log of record batches, made of segments named by their base
 * offset. Appends are serialised by the log; reads may run concurrently with them and never see a
 * partly written batch.
 */
public interface PartitionLog {

    TopicPartition topicPartition();

    /**
     * Appends batches at the log end: each batch's base offset is rewritten to the next offset (and,
     * when {@code logAppendTime >= 0}, its timestamp type set to LogAppendTime), then its bytes are
     * written as they are. The batches must already be validated.
     *
     * @param leaderEpoch   written into each batch's partitionLeaderEpoch field
     * @param logAppendTime the broker time to stamp, or -1 to keep the producer's CreateTime
     */
    AppendResult append(List<RecordBatch> batches, int leaderEpoch, long logAppendTime) throws IOException;

    /**
     * Batches starting with the one that holds {@code offset}, up to {@code maxBytes}; when
     * {@code minOneBatch} the first batch is returned whole even if larger than {@code maxBytes}.
     * An offset equal to the log end gives an empty slice.
     *
     * @throws io.karst.api.KarstException with OFFSET_OUT_OF_RANGE below the log start or past the log end
     */
    LogSlice read(long offset, int maxBytes, boolean minOneBatch) throws IOException;

    /** Calls {@code action} with the header of every batch whose last offset is at or after {@code fromOffset}. */
    void forEachBatch(long fromOffset, Consumer<RecordBatch> action) throws IOException;

    /**
     * The first offset whose record timestamp is at or after {@code timestamp}, found through the time
     * index, with that record's timestamp; empty when every record is older. Exact per record in
     * uncompressed batches; in a compressed batch the answer is the batch's first offset and greatest
     * timestamp, since the store does not decompress.
     */
    Optional<TimestampAndOffset> offsetForTimestamp(long timestamp) throws IOException;

    /**
     * Advances the log start offset to {@code offset} (Kafka's DeleteRecords): offsets below it can no
     * longer be read, and segments wholly below it are deleted. Never moves the start back.
     *
     * @return the log start offset afterwards (the low watermark)
     * @throws io.karst.api.KarstException with OFFSET_OUT_OF_RANGE when {@code offset} is past the log end
     */
    long deleteRecordsBefore(long offset) throws IOException;

    /** The settings the log runs with. */
    LogConfig config();

    /**
     * Takes new settings, live: retention, cleanup and flush policies apply from the next check; segment
     * sizes from the next roll (existing segments keep their index sizes).
     */
    void updateConfig(LogConfig config);

    /** The first offset still in the log. */
    long logStartOffset();

    /** The offset the next appended record will get (log end offset, LEO). */
    long logEndOffset();

    /** Bytes held by all segments. */
    long sizeInBytes();

    /** Number of segments. */
    int segmentCount();

    /** Forces written bytes to disk. */
    void flush() throws IOException;
}
