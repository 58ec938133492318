package io.karst.broker.internal;

import io.karst.api.log.LogSlice;
import io.karst.api.log.PartitionLog;
import io.karst.api.record.RecordBatch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads whole record batches of a partition log into memory, for the broker's own use (loading
 * groups, the console consumer) rather than for sending to a socket.
 */
final class LogReader {
    private LogReader() {
    }

    /**
     * The whole batches starting with the one that holds {@code from}, up to about {@code maxBytes}
     * (at least one batch); empty at the log end.
     */
    static List<RecordBatch> read(PartitionLog log, long from, int maxBytes) throws IOException {
        LogSlice slice = log.read(from, maxBytes, true);
        if (slice.isEmpty()) {
            return List.of();
        }
        ByteBuffer buf = ByteBuffer.allocate(slice.sizeInBytes());
        FileChannel channel = slice.channel(); // the segment's own: read by position, never closed here
        while (buf.hasRemaining()) {
            if (channel.read(buf, slice.position() + buf.position()) < 0) {
                break;
            }
        }
        buf.flip();
        return wholeBatches(buf);
    }

    /** The complete batches at the start of {@code buf}; a batch cut by the byte limit is left out. */
    static List<RecordBatch> wholeBatches(ByteBuffer buf) {
        List<RecordBatch> batches = new ArrayList<>();
        while (buf.remaining() >= RecordBatch.HEADER_SIZE) {
            int size = RecordBatch.wrap(buf).sizeInBytes();
            if (size < RecordBatch.HEADER_SIZE || size > buf.remaining()) {
                break;
            }
            batches.add(RecordBatch.wrap(buf.slice(buf.position(), size)));
            buf.position(buf.position() + size);
        }
        return batches;
    }
}
