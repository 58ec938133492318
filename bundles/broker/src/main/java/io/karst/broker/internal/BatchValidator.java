package io.karst.broker.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.record.RecordBatch;
import io.karst.api.record.RecordBatches;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The first checks a produced batch passes, all made on the batch header without decompressing
 * (docs/protocol.md, "Checks without decompression"); {@link BatchConverter} then checks its records.
 */
public final class BatchValidator {
    private static final int ZSTD = 4;
    private static final int ZSTD_MIN_PRODUCE_VERSION = 7;

    private BatchValidator() {
    }

    /**
     * The one batch in a partition's records, validated.
     *
     * @throws KarstException with the Kafka error to answer
     */
    public static RecordBatch validate(ByteBuffer records, int produceVersion, TopicSettings settings) {
        if (records == null || !records.hasRemaining()) {
            throw new KarstException(Errors.CORRUPT_MESSAGE, "no record batch");
        }
        List<RecordBatch> batches = RecordBatches.split(records);
        if (batches.size() != 1) {
            throw new KarstException(Errors.INVALID_RECORD, "expected one record batch per partition, got " + batches.size());
        }
        RecordBatch batch = batches.get(0);
        if (batch.sizeInBytes() > settings.maxMessageBytes()) {
            throw new KarstException(Errors.MESSAGE_TOO_LARGE, "record batch of " + batch.sizeInBytes()
                    + " bytes exceeds max.message.bytes " + settings.maxMessageBytes());
        }
        if (!batch.isChecksumValid()) {
            throw new KarstException(Errors.CORRUPT_MESSAGE, "record batch CRC " + batch.checksum()
                    + " does not match its content (" + batch.computeChecksum() + ")");
        }
        if (batch.recordsCount() <= 0 || batch.lastOffsetDelta() + 1 != batch.recordsCount()) {
            throw new KarstException(Errors.INVALID_RECORD, "record batch holds " + batch.recordsCount()
                    + " records but its last offset delta is " + batch.lastOffsetDelta());
        }
        if (batch.isControl()) {
            throw new KarstException(Errors.INVALID_RECORD, "clients may not send control batches");
        }
        if (batch.isTransactional()) {
            throw new KarstException(Errors.INVALID_RECORD, "transactional batches are not supported yet");
        }
        if (batch.producerId() >= 0 && batch.baseSequence() < 0) {
            throw new KarstException(Errors.INVALID_RECORD, "idempotent batch without a sequence number");
        }
        int codec = batch.compressionId();
        if (codec > ZSTD) {
            throw new KarstException(Errors.UNSUPPORTED_COMPRESSION_TYPE, "unknown compression codec id " + codec);
        }
        if (codec == ZSTD && produceVersion < ZSTD_MIN_PRODUCE_VERSION) {
            throw new KarstException(Errors.UNSUPPORTED_COMPRESSION_TYPE, "zstd needs Produce v7 or later");
        }
        return batch;
    }
}
