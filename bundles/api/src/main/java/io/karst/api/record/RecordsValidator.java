package io.karst.api.record;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the records of a batch the way Kafka's broker does before it stores a batch, without
 * decoding them into objects: exactly as many records as the header counts, each with offset delta
 * equal to its position, every length within the record and the record's fields filling it exactly,
 * header keys present, a key on every record bound for a compacted topic, and nothing after the last
 * record. A fault of one record is reported with its index ({@link InvalidRecordException}); a fault
 * of the batch as a whole as a plain INVALID_RECORD. Allocates nothing per record on success.
 */
public final class RecordsValidator {
    private RecordsValidator() {
    }

    /** {@link #validate(RecordBatch, ByteBuffer, TopicPartition)} for a topic that is not compacted. */
    public static void validate(RecordBatch batch, ByteBuffer records) {
        validate(batch, records, null);
    }

    /**
     * Checks {@code records}, the plain (uncompressed or decompressed) record bytes of {@code batch}.
     *
     * @param compacted the partition of a compacted topic the batch is bound for, whose records all need
     *                  keys; null when its topic is not compacted
     * @throws InvalidRecordException naming the refused records: the first that breaks the format, or
     *                                every record without a key bound for a compacted topic
     * @throws KarstException         INVALID_RECORD when the batch holds more or fewer records than it counts
     */
    public static void validate(RecordBatch batch, ByteBuffer records, TopicPartition compacted) {
        ByteBuffer buf = records.duplicate();
        int count = batch.recordsCount();
        List<RecordError> keyless = null;
        int index = 0;
        try {
            for (; index < count; index++) {
                if (!buf.hasRemaining()) {
                    throw invalid(batch, "holds " + index + " records where its header counts " + count);
                }
                int length = Varints.readVarint(buf);
                if (length <= 0 || length > buf.remaining()) {
                    throw invalidRecord(index, "has length " + length + " with " + buf.remaining() + " bytes left");
                }
                int end = buf.position() + length;
                int outerLimit = buf.limit();
                buf.limit(end);
                boolean hasKey = checkRecord(buf, index);
                if (buf.hasRemaining()) {
                    throw invalidRecord(index, "has " + buf.remaining() + " bytes beyond its fields");
                }
                buf.limit(outerLimit);
                if (!hasKey && compacted != null) {
                    keyless = keyless == null ? new ArrayList<>() : keyless;
                    keyless.add(new RecordError(index, "Compacted topic cannot accept message without key in topic"
                            + " partition " + compacted + "."));
                }
            }
        } catch (BufferUnderflowException e) {
            throw invalidRecord(index, "is cut short");
        } catch (InvalidRecordBatchException e) {
            throw invalidRecord(index, e.getMessage());
        }
        if (buf.hasRemaining()) {
            throw invalid(batch, "has " + buf.remaining() + " bytes after its " + count + " records");
        }
        if (keyless != null) {
            throw new InvalidRecordException(keyless);
        }
    }

    /** Checks one record's fields and returns whether it has a key. */
    private static boolean checkRecord(ByteBuffer body, int index) {
        body.get(); // attributes: unused in v2
        Varints.readVarlong(body); // timestamp delta
        int offsetDelta = Varints.readVarint(body);
        if (offsetDelta != index) {
            throw invalidRecord(index, "has offset delta " + offsetDelta);
        }
        int keyLength = skipBytes(body, index, "key");
        skipBytes(body, index, "value");
        int headers = Varints.readVarint(body);
        if (headers < 0) {
            throw invalidRecord(index, "has " + headers + " headers");
        }
        for (int h = 0; h < headers; h++) {
            if (skipBytes(body, index, "header key") < 0) {
                throw invalidRecord(index, "has a header without a key");
            }
            skipBytes(body, index, "header value");
        }
        return keyLength >= 0;
    }

    /** Skips a varint-length-prefixed field (-1 = null) and returns its length. */
    private static int skipBytes(ByteBuffer body, int index, String field) {
        int length = Varints.readVarint(body);
        if (length < -1 || length > body.remaining()) {
            throw invalidRecord(index, "has a " + field + " of length " + length + " with " + body.remaining()
                    + " bytes left");
        }
        if (length > 0) {
            body.position(body.position() + length);
        }
        return length;
    }

    private static InvalidRecordException invalidRecord(int index, String problem) {
        return new InvalidRecordException(List.of(new RecordError(index, "record " + index + " " + problem)));
    }

    private static KarstException invalid(RecordBatch batch, String problem) {
        return new KarstException(Errors.INVALID_RECORD, "record batch of " + batch.recordsCount()
                + " records " + problem);
    }
}
