package io.karst.api.record;

import io.karst.api.Errors;
import io.karst.api.KarstException;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Checks the records of a batch the way Kafka's broker does before it stores a batch, without
 * decoding them into objects: exactly as many records as the header counts, each with offset delta
 * equal to its position, every length within the record and the record's fields filling it exactly,
 * header keys present, and nothing after the last record. Allocates nothing per record.
 */
public final class RecordsValidator {
    private RecordsValidator() {
    }

    /**
     * Checks {@code records}, the plain (uncompressed or decompressed) record bytes of {@code batch}.
     *
     * @throws KarstException INVALID_RECORD naming the first problem
     */
    public static void validate(RecordBatch batch, ByteBuffer records) {
        ByteBuffer buf = records.duplicate();
        int count = batch.recordsCount();
        int index = 0;
        try {
            for (; index < count; index++) {
                if (!buf.hasRemaining()) {
                    throw invalid(batch, "holds " + index + " records where its header counts " + count);
                }
                int length = Varints.readVarint(buf);
                if (length <= 0 || length > buf.remaining()) {
                    throw invalid(batch, "record " + index + " has length " + length + " with "
                            + buf.remaining() + " bytes left");
                }
                int end = buf.position() + length;
                int outerLimit = buf.limit();
                buf.limit(end);
                checkRecord(batch, buf, index);
                if (buf.hasRemaining()) {
                    throw invalid(batch, "record " + index + " has " + buf.remaining() + " bytes beyond its fields");
                }
                buf.limit(outerLimit);
            }
        } catch (BufferUnderflowException e) {
            throw invalid(batch, "record " + index + " is cut short");
        } catch (InvalidRecordBatchException e) {
            throw invalid(batch, "record " + index + ": " + e.getMessage());
        }
        if (buf.hasRemaining()) {
            throw invalid(batch, "has " + buf.remaining() + " bytes after its " + count + " records");
        }
    }

    private static void checkRecord(RecordBatch batch, ByteBuffer body, int index) {
        body.get(); // attributes: unused in v2
        Varints.readVarlong(body); // timestamp delta
        int offsetDelta = Varints.readVarint(body);
        if (offsetDelta != index) {
            throw invalid(batch, "record " + index + " has offset delta " + offsetDelta);
        }
        skipBytes(batch, body, index, "key");
        skipBytes(batch, body, index, "value");
        int headers = Varints.readVarint(body);
        if (headers < 0) {
            throw invalid(batch, "record " + index + " has " + headers + " headers");
        }
        for (int h = 0; h < headers; h++) {
            if (skipBytes(batch, body, index, "header key") < 0) {
                throw invalid(batch, "record " + index + " has a header without a key");
            }
            skipBytes(batch, body, index, "header value");
        }
    }

    /** Skips a varint-length-prefixed field (-1 = null) and returns its length. */
    private static int skipBytes(RecordBatch batch, ByteBuffer body, int index, String field) {
        int length = Varints.readVarint(body);
        if (length < -1 || length > body.remaining()) {
            throw invalid(batch, "record " + index + " has a " + field + " of length " + length
                    + " with " + body.remaining() + " bytes left");
        }
        if (length > 0) {
            body.position(body.position() + length);
        }
        return length;
    }

    private static KarstException invalid(RecordBatch batch, String problem) {
        return new KarstException(Errors.INVALID_RECORD, "record batch of " + batch.recordsCount()
                + " records " + problem);
    }
}
