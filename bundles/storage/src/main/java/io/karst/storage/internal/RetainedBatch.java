package io.karst.storage.internal;

import io.karst.api.record.RecordBatch;
import io.karst.api.record.Varints;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Writes what compaction keeps of an uncompressed batch as a new batch, the way Kafka's cleaner does: the
 * base offset, last offset delta, producer fields and base sequence stay (so the batch covers the same
 * offsets, now with gaps), the records kept are copied, the count, length, greatest timestamp and CRC are
 * new. When a delete horizon is set for the first time, the base timestamp becomes that horizon (attributes
 * bit 6) and every record's timestamp delta is re-encoded against it, so record timestamps do not change.
 */
final class RetainedBatch {
    private RetainedBatch() {
    }

    /**
     * A batch holding only {@code kept} of {@code original}'s records.
     *
     * @param deleteHorizonMs when {@code >= 0} and the batch has no horizon yet, the horizon to set
     */
    static RecordBatch of(RecordBatch original, List<StoredRecord> kept, long deleteHorizonMs) {
        boolean hadHorizon = (original.attributes() & StoredRecord.DELETE_HORIZON_MASK) != 0;
        boolean setHorizon = deleteHorizonMs >= 0 && !hadHorizon;
        long baseTimestamp = setHorizon ? deleteHorizonMs : original.baseTimestamp();
        int recordsSize = 0;
        for (StoredRecord record : kept) {
            recordsSize += setHorizon ? reencodedSize(record, baseTimestamp, original.baseOffset())
                    : record.bytes().remaining();
        }
        ByteBuffer out = ByteBuffer.allocate(RecordBatch.HEADER_SIZE + recordsSize);
        out.put(original.buffer().limit(RecordBatch.HEADER_SIZE));
        long maxTimestamp = original.isLogAppendTime() ? original.maxTimestamp() : TimestampOffset.NO_TIMESTAMP;
        for (StoredRecord record : kept) {
            if (setHorizon) {
                reencode(out, record, baseTimestamp, original.baseOffset());
            } else {
                out.put(record.bytes().duplicate());
            }
            if (!original.isLogAppendTime()) {
                maxTimestamp = Math.max(maxTimestamp, record.timestamp());
            }
        }
        short attributes = (short) (original.attributes() | (setHorizon ? StoredRecord.DELETE_HORIZON_MASK : 0));
        out.putInt(RecordBatch.BATCH_LENGTH, out.capacity() - RecordBatch.LOG_OVERHEAD)
                .putShort(RecordBatch.ATTRIBUTES, attributes)
                .putLong(RecordBatch.BASE_TIMESTAMP, baseTimestamp)
                .putLong(RecordBatch.MAX_TIMESTAMP, maxTimestamp)
                .putInt(RecordBatch.RECORDS_COUNT, kept.size());
        CRC32C crc = new CRC32C();
        crc.update(out.array(), RecordBatch.ATTRIBUTES, out.capacity() - RecordBatch.ATTRIBUTES);
        out.putInt(RecordBatch.CRC, (int) crc.getValue());
        return RecordBatch.wrap(out.flip());
    }

    private static int reencodedSize(StoredRecord record, long baseTimestamp, long baseOffset) {
        int body = bodySize(record, baseTimestamp, baseOffset);
        return Varints.sizeOfVarlong(body) + body;
    }

    private static int bodySize(StoredRecord record, long baseTimestamp, long baseOffset) {
        return 1 + Varints.sizeOfVarlong(record.timestamp() - baseTimestamp)
                + Varints.sizeOfVarlong(record.offset() - baseOffset) + record.tail().remaining();
    }

    private static void reencode(ByteBuffer out, StoredRecord record, long baseTimestamp, long baseOffset) {
        Varints.writeVarlong(out, bodySize(record, baseTimestamp, baseOffset));
        out.put(record.attributes());
        Varints.writeVarlong(out, record.timestamp() - baseTimestamp);
        Varints.writeVarlong(out, record.offset() - baseOffset);
        out.put(record.tail().duplicate());
    }
}
