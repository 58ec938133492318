package io.karst.bench;

import io.karst.api.codec.BufferPool;
import io.karst.api.codec.ByteBufferInputStream;
import io.karst.api.codec.Codec;
import io.karst.api.codec.PooledOutputStream;
import io.karst.api.record.RecordBatch;
import io.karst.api.record.RecordBatchCompression;
import io.karst.api.record.RecordsValidator;
import io.karst.testsupport.KarstCodecs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Compress and decompress throughput of each codec on the records of one log-line batch of 16 or
 * 64 KiB, through the same streams and pooled buffers the broker uses, plus what the broker's deep
 * validation of a compressed batch costs (decompress, then check every record). Score: batches per
 * second; multiply by the batch's plain size (printed by {@link CompressionRatios}) for bytes per second.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CodecBenchmark {

    @Param({"gzip", "snappy", "lz4", "zstd"})
    public String codec;

    @Param({"16384", "65536"})
    public int batchBytes;

    private Codec impl;
    private RecordBatch plain;
    private ByteBuffer records;
    private RecordBatch compressed;
    private PooledOutputStream out;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        impl = KarstCodecs.named(codec);
        plain = LogBatches.batch(batchBytes, 42);
        records = RecordBatchCompression.recordsSection(plain);
        out = new PooledOutputStream(new BufferPool(2), 16 << 20);
        byte[] bytes = toArray(RecordBatchCompression.withRecords(plain, records, impl, out).buffer());
        compressed = RecordBatch.wrap(ByteBuffer.wrap(bytes));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        out.close();
        ((AutoCloseable) impl).close();
    }

    /** Compresses the plain records. */
    @Benchmark
    public int compress() throws IOException {
        out.reset();
        try (OutputStream stream = impl.compress(out)) {
            stream.write(records.array(), records.arrayOffset() + records.position(), records.remaining());
        }
        return out.size();
    }

    /** Decompresses the compressed records. */
    @Benchmark
    public int decompress() throws IOException {
        out.reset();
        try (InputStream stream = impl.decompress(new ByteBufferInputStream(RecordBatchCompression.recordsSection(compressed)))) {
            out.readFrom(stream);
        }
        return out.size();
    }

    /** What the broker does to a compressed batch on a {@code producer} topic: decompress and check every record. */
    @Benchmark
    public int deepValidate() throws IOException {
        ByteBuffer decompressed = RecordBatchCompression.decompressRecords(compressed, impl, out);
        RecordsValidator.validate(compressed, decompressed);
        return decompressed.remaining();
    }

    static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
