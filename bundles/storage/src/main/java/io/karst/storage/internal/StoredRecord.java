package io.karst.storage.internal;

import io.karst.api.record.InvalidRecordBatchException;
import io.karst.api.record.RecordBatch;
import io.karst.api.record.Varints;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One record of an uncompressed batch as it lies in the log:
 * <pre>
 * length varint, attributes int8, timestampDelta varlong, offsetDelta varint,
 * keyLength varint (-1 null), key, valueLength varint (-1 null: a tombstone), value, headers
 * </pre>
 *
 * @param offset    the record's offset (base offset + offset delta)
 * @param timestamp its timestamp: base timestamp + delta, or the batch's for LogAppendTime
 * @param key       the key bytes, or null
 * @param tombstone whether the value is null
 * @param bytes     the whole record, length prefix included
 * @param tail      the record from its key length to its end (what does not depend on the batch header)
 */
record StoredRecord(long offset, long timestamp, ByteBuffer key, boolean tombstone, ByteBuffer bytes,
                    ByteBuffer tail, byte attributes) {

    /** Bit 6 of a batch's attributes: its base timestamp is the time after which its tombstones may go. */
    static final int DELETE_HORIZON_MASK = 0x40;

    /**
     * The records of a whole, uncompressed batch.
     *
     * @throws InvalidRecordBatchException when the records do not parse or do not fill the batch
     */
    static List<StoredRecord> readAll(RecordBatch batch) {
        if (batch.compressionId() != 0) {
            throw new IllegalArgumentException("batch " + batch + " is compressed; its records cannot be read");
        }
        ByteBuffer buf = batch.buffer();
        buf.position(RecordBatch.HEADER_SIZE);
        int count = batch.recordsCount();
        if (count < 0 || count > buf.remaining()) {
            throw new InvalidRecordBatchException("batch " + batch + " announces " + count + " records");
        }
        List<StoredRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int recordStart = buf.position();
            int length = Varints.readVarint(buf);
            int bodyStart = buf.position();
            if (length < 0 || length > buf.remaining()) {
                throw new InvalidRecordBatchException("record " + i + " of batch " + batch + " has length " + length);
            }
            int end = bodyStart + length;
            ByteBuffer body = buf.duplicate().limit(end);
            byte attributes = body.get();
            long timestampDelta = Varints.readVarlong(body);
            int offsetDelta = Varints.readVarint(body);
            int tailStart = body.position();
            int keyLength = Varints.readVarint(body);
            ByteBuffer key = null;
            if (keyLength >= 0) {
                key = slice(body, keyLength, batch);
            }
            int valueLength = Varints.readVarint(body);
            if (valueLength >= 0) {
                slice(body, valueLength, batch);
            }
            long timestamp = batch.isLogAppendTime() ? batch.maxTimestamp() : batch.baseTimestamp() + timestampDelta;
            records.add(new StoredRecord(batch.baseOffset() + offsetDelta, timestamp, key, valueLength < 0,
                    buf.duplicate().position(recordStart).limit(end).slice(),
                    buf.duplicate().position(tailStart).limit(end).slice(), attributes));
            buf.position(end);
        }
        if (buf.hasRemaining()) {
            throw new InvalidRecordBatchException(buf.remaining() + " bytes follow the last record of batch " + batch);
        }
        return records;
    }

    private static ByteBuffer slice(ByteBuffer body, int length, RecordBatch batch) {
        if (length > body.remaining()) {
            throw new InvalidRecordBatchException("a record field of " + length + " bytes is cut short in " + batch);
        }
        ByteBuffer field = body.slice(body.position(), length);
        body.position(body.position() + length);
        return field;
    }
}
