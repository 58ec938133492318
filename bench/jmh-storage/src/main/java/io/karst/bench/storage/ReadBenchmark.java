package io.karst.bench.storage;

import io.karst.api.TopicPartition;
import io.karst.api.log.LogConfig;
import io.karst.api.log.LogSlice;
import io.karst.api.log.PartitionLog;
import io.karst.storage.internal.LogStoreComponent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Reads by offset from a 512 MiB log of 1 KiB batches in 64 MiB segments (the data in the page cache):
 * {@code locate} is what a fetch does before sendfile (segment by base offset, offset index, short header
 * scan); {@code locateAndRead} also copies the found batch into memory, as a consumer of one batch would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ReadBenchmark {
    private static final int BATCH_BYTES = 1024;
    private static final long LOG_BYTES = 512L << 20;

    private Path dir;
    private LogStoreComponent store;
    private PartitionLog log;
    private long endOffset;
    private final SplittableRandom random = new SplittableRandom(7);
    private final ByteBuffer target = ByteBuffer.allocateDirect(BATCH_BYTES);

    @Setup(Level.Trial)
    public void fill() throws IOException {
        dir = Files.createTempDirectory("karst-bench-read-");
        store = LogStoreComponent.open(Map.of("log.dirs", dir.toString()));
        log = store.getOrCreate(new TopicPartition("bench", 0), LogConfig.builder().segmentBytes(64 << 20).build());
        var batch = TestBatch.ofSize(BATCH_BYTES);
        for (long written = 0; written < LOG_BYTES; written += BATCH_BYTES) {
            log.append(List.of(batch), 0, -1);
        }
        endOffset = log.logEndOffset();
    }

    @Benchmark
    public LogSlice locate() throws IOException {
        return log.read(random.nextLong(endOffset), BATCH_BYTES, true);
    }

    @Benchmark
    public int locateAndRead() throws IOException {
        LogSlice slice = log.read(random.nextLong(endOffset), BATCH_BYTES, true);
        try (FileChannel channel = FileChannel.open(slice.file())) {
            target.clear();
            return channel.read(target, slice.position());
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
