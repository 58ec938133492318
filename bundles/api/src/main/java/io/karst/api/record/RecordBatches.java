package io.karst.api.record;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Splits a buffer of consecutive record batches (a Produce request's records field, a segment). */
public final class RecordBatches {
    private RecordBatches() {
    }

    /**
     * The batches in {@code records} from its position to its limit, as views sharing its bytes.
     *
     * @throws InvalidRecordBatchException when a batch is cut short, has a length below the header
     *     size, or is not magic 2
     */
    public static List<RecordBatch> split(ByteBuffer records) {
        List<RecordBatch> batches = new ArrayList<>();
        ByteBuffer rest = records.duplicate();
        while (rest.hasRemaining()) {
            if (rest.remaining() < RecordBatch.HEADER_SIZE) {
                throw new InvalidRecordBatchException("trailing " + rest.remaining()
                        + " bytes are too few for a record batch");
            }
            RecordBatch batch = RecordBatch.wrap(rest);
            int length = batch.batchLength();
            if (length < RecordBatch.HEADER_SIZE - RecordBatch.LOG_OVERHEAD) {
                throw new InvalidRecordBatchException("record batch length " + length + " is below the header size");
            }
            if (batch.sizeInBytes() > rest.remaining()) {
                throw new InvalidRecordBatchException("record batch of " + batch.sizeInBytes()
                        + " bytes is cut short at " + rest.remaining());
            }
            if (batch.magic() != RecordBatch.CURRENT_MAGIC) {
                throw new InvalidRecordBatchException("record batch magic " + batch.magic() + " is not 2");
            }
            batches.add(RecordBatch.wrap(rest.duplicate().limit(rest.position() + batch.sizeInBytes())));
            rest.position(rest.position() + batch.sizeInBytes());
        }
        return batches;
    }
}
