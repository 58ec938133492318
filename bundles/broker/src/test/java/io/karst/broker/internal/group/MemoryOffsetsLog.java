package io.karst.broker.internal.group;

import io.karst.api.record.LogRecord;
import io.karst.api.record.RecordBatch;
import io.karst.api.record.RecordReader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code __consumer_offsets} kept in memory, so that a coordinator's unit test can restart it from
 * what it wrote; {@link #failAppends} makes every append fail as a full disk would.
 */
final class MemoryOffsetsLog implements OffsetsLog {
    private final List<RecordBatch> batches = new ArrayList<>();
    private boolean failAppends;

    void failAppends(boolean fail) {
        this.failAppends = fail;
    }

    @Override
    public int partitionCount() {
        return 1;
    }

    @Override
    public void ensureExists() {
    }

    @Override
    public synchronized void append(int partition, RecordBatch batch) throws IOException {
        if (failAppends) {
            throw new IOException("No space left on device");
        }
        batches.add(batch);
    }

    @Override
    public synchronized void forEachRecord(Consumer<LogRecord> action) {
        for (RecordBatch batch : batches) {
            RecordReader.read(batch).forEach(action);
        }
    }
}
