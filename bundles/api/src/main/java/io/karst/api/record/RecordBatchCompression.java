package io.karst.api.record;

import io.karst.api.codec.ByteBufferInputStream;
import io.karst.api.codec.Codec;
import io.karst.api.codec.PooledOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Moves a batch's records between codecs. A record's bytes are the same whatever the codec, so
 * changing a batch's codec is decompressing its records section and compressing it again, under a
 * copy of the header (offsets and deltas, timestamps, producer id, epoch and sequence, flags) with
 * new codec bits, length and CRC: no record is decoded or re-encoded.
 */
public final class RecordBatchCompression {
    private static final int CODEC_MASK = 0x07;
    /** Chunk for copying records that are not in a heap array (a direct buffer). */
    private static final int COPY_CHUNK = 8 * 1024;

    private RecordBatchCompression() {
    }

    /** The records section of {@code batch}: as stored, compressed when the batch is. */
    public static ByteBuffer recordsSection(RecordBatch batch) {
        return batch.buffer().position(RecordBatch.HEADER_SIZE).slice();
    }

    /**
     * Decompresses the records of {@code batch} into {@code into}, which it empties first and whose
     * ceiling bounds the result.
     *
     * @return the plain record bytes: a view of {@code into}
     * @throws PooledOutputStream.OutputLimitExceededException when they exceed the ceiling
     * @throws IOException when the records section is not a valid stream of {@code codec}
     */
    public static ByteBuffer decompressRecords(RecordBatch batch, Codec codec, PooledOutputStream into)
            throws IOException {
        into.reset();
        try (InputStream in = codec.decompress(new ByteBufferInputStream(recordsSection(batch)))) {
            into.readFrom(in);
        }
        return into.buffer();
    }

    /**
     * Writes into {@code into} (emptied first) a batch with the header of {@code source} holding
     * {@code records}, plain record bytes, compressed with {@code codec}, or plain when it is null.
     *
     * @return the new batch: a view of {@code into}, signed with its CRC
     */
    public static RecordBatch withRecords(RecordBatch source, ByteBuffer records, Codec codec,
                                          PooledOutputStream into) throws IOException {
        into.reset();
        into.write(source.buffer().limit(RecordBatch.HEADER_SIZE));
        if (codec == null) {
            into.write(records);
        } else {
            try (OutputStream out = codec.compress(into)) {
                write(records, out);
            }
        }
        int codecId = codec == null ? 0 : codec.id();
        into.putInt(RecordBatch.BATCH_LENGTH, into.size() - RecordBatch.LOG_OVERHEAD);
        into.putShort(RecordBatch.ATTRIBUTES, (short) ((source.attributes() & ~CODEC_MASK) | codecId));
        RecordBatch batch = RecordBatch.wrap(into.buffer());
        into.putInt(RecordBatch.CRC, (int) batch.computeChecksum());
        return batch;
    }

    private static void write(ByteBuffer bytes, OutputStream out) throws IOException {
        if (bytes.hasArray()) {
            out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            return;
        }
        ByteBuffer rest = bytes.duplicate();
        byte[] chunk = new byte[Math.min(COPY_CHUNK, rest.remaining())];
        while (rest.hasRemaining()) {
            int n = Math.min(chunk.length, rest.remaining());
            rest.get(chunk, 0, n);
            out.write(chunk, 0, n);
        }
    }
}
