package io.karst.broker.internal;

import io.karst.api.codec.BufferPool;
import io.karst.api.codec.Codec;
import io.karst.api.codec.CompressionType;
import io.karst.api.codec.PooledOutputStream;
import io.karst.api.record.LogRecord;
import io.karst.api.record.RecordBatch;
import io.karst.api.record.RecordBatchCompression;
import io.karst.api.record.RecordReader;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Decodes the records of stored batches for the console: plain batches directly, compressed ones
 * through the installed codec of their kind.
 */
final class RecordDecoder {
    /** The most a batch may decompress to here (a guard against decompression bombs). */
    private static final int MAX_DECOMPRESSED_BYTES = 64 << 20;

    private final CodecRegistry codecs;
    private final BufferPool buffers = new BufferPool(1);

    RecordDecoder(CodecRegistry codecs) {
        this.codecs = codecs;
    }

    /**
     * The records of {@code batch}, or empty when it is compressed with a codec that is not installed.
     *
     * @throws IOException when its compressed records are not a valid stream of their codec
     */
    Optional<List<LogRecord>> decode(RecordBatch batch) throws IOException {
        CompressionType type = CompressionType.forId(batch.compressionId());
        if (type == CompressionType.NONE) {
            return Optional.of(RecordReader.read(batch));
        }
        Optional<Codec> codec = codecs.find(type);
        if (codec.isEmpty()) {
            return Optional.empty();
        }
        try (PooledOutputStream plain = new PooledOutputStream(buffers, MAX_DECOMPRESSED_BYTES)) {
            return Optional.of(RecordReader.read(batch,
                    RecordBatchCompression.decompressRecords(batch, codec.get(), plain)));
        }
    }
}
