package io.karst.bench;

import io.karst.api.codec.BufferPool;
import io.karst.api.codec.Codec;
import io.karst.api.codec.PooledOutputStream;
import io.karst.api.record.RecordBatch;
import io.karst.api.record.RecordBatchCompression;
import io.karst.testsupport.KarstCodecs;

import java.util.List;

/**
 * Prints the compression ratio (plain records / compressed records) of each codec on the benchmark's
 * log-line batches, averaged over 20 batches per size. Deterministic: no timing involved.
 */
public final class CompressionRatios {
    private static final int SAMPLES = 20;

    private CompressionRatios() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("%-7s %10s %14s %16s %7s%n", "codec", "batch", "plain records", "compressed", "ratio");
        for (int batchBytes : List.of(16_384, 65_536)) {
            for (String name : KarstCodecs.NAMES) {
                Codec codec = KarstCodecs.named(name);
                long plainBytes = 0;
                long compressedBytes = 0;
                try (PooledOutputStream out = new PooledOutputStream(new BufferPool(2), 16 << 20)) {
                    for (int seed = 0; seed < SAMPLES; seed++) {
                        RecordBatch plain = LogBatches.batch(batchBytes, seed);
                        plainBytes += RecordBatchCompression.recordsSection(plain).remaining();
                        RecordBatch compressed = RecordBatchCompression.withRecords(plain,
                                RecordBatchCompression.recordsSection(plain), codec, out);
                        compressedBytes += RecordBatchCompression.recordsSection(compressed).remaining();
                    }
                } finally {
                    ((AutoCloseable) codec).close();
                }
                System.out.printf("%-7s %9dK %14d %16d %7.2f%n", name, batchBytes / 1024, plainBytes / SAMPLES,
                        compressedBytes / SAMPLES, (double) plainBytes / compressedBytes);
            }
        }
    }
}
