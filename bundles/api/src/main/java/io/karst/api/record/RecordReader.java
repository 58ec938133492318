package io.karst.api.record;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the records of a RecordBatch v2: each record's length, attributes, timestamp and offset
 * deltas, key, value and headers (zig-zag varints), made absolute with the batch's base offset and
 * timestamp.
 */
public final class RecordReader {
    private RecordReader() {
    }

    /**
     * The records of an uncompressed batch.
     *
     * @throws InvalidRecordBatchException when the batch is compressed or its records are malformed
     */
    public static List<LogRecord> read(RecordBatch batch) {
        if (batch.compressionId() != 0) {
            throw new InvalidRecordBatchException("batch at offset " + batch.baseOffset()
                    + " is compressed (codec id " + batch.compressionId() + ")");
        }
        ByteBuffer records = batch.buffer().position(RecordBatch.HEADER_SIZE);
        return read(batch, records.slice());
    }

    /**
     * The records of {@code batch} from {@code records}: its record bytes, decompressed when the batch
     * is compressed.
     *
     * @throws InvalidRecordBatchException when the records are malformed or fewer than the batch counts
     */
    public static List<LogRecord> read(RecordBatch batch, ByteBuffer records) {
        ByteBuffer buf = records.duplicate();
        int count = batch.recordsCount();
        List<LogRecord> result = new ArrayList<>(Math.max(0, Math.min(count, 4096)));
        try {
            for (int i = 0; i < count; i++) {
                int length = Varints.readVarint(buf);
                if (length < 0 || length > buf.remaining()) {
                    throw new InvalidRecordBatchException("record " + i + " of the batch at offset "
                            + batch.baseOffset() + " has length " + length + " but " + buf.remaining() + " bytes remain");
                }
                ByteBuffer body = buf.slice(buf.position(), length);
                buf.position(buf.position() + length);
                result.add(readRecord(batch, body));
            }
        } catch (BufferUnderflowException e) {
            throw new InvalidRecordBatchException("records of the batch at offset " + batch.baseOffset() + " are cut short");
        }
        return result;
    }

    private static LogRecord readRecord(RecordBatch batch, ByteBuffer body) {
        body.get(); // attributes, unused in v2
        long timestampDelta = Varints.readVarlong(body);
        int offsetDelta = Varints.readVarint(body);
        byte[] key = readBytes(body);
        byte[] value = readBytes(body);
        int headerCount = Varints.readVarint(body);
        if (headerCount < 0) {
            throw new InvalidRecordBatchException("negative header count " + headerCount);
        }
        List<Header> headers = new ArrayList<>(Math.min(headerCount, 64));
        for (int h = 0; h < headerCount; h++) {
            byte[] name = readBytes(body);
            if (name == null) {
                throw new InvalidRecordBatchException("a record header without a key");
            }
            headers.add(new Header(new String(name, StandardCharsets.UTF_8), readBytes(body)));
        }
        long timestamp = batch.isLogAppendTime() ? batch.maxTimestamp() : batch.baseTimestamp() + timestampDelta;
        return new LogRecord(batch.baseOffset() + offsetDelta, timestamp, key, value, headers);
    }

    private static byte[] readBytes(ByteBuffer buf) {
        int length = Varints.readVarint(buf);
        if (length < 0) {
            return null;
        }
        if (length > buf.remaining()) {
            throw new InvalidRecordBatchException("a field of " + length + " bytes but " + buf.remaining() + " remain");
        }
        byte[] bytes = new byte[length];
        buf.get(bytes);
        return bytes;
    }
}
