package io.karst.bench.storage;

import io.karst.api.TopicPartition;
import io.karst.api.log.PartitionLog;
import io.karst.api.record.RecordBatch;
import io.karst.storage.internal.LogStoreComponent;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Appends to one partition log in batches of 1 KiB to 1 MiB, as the broker does for a produce request:
 * rewrite the base offset, write the bytes at the end of the active segment, index, roll at 1 GiB. Data goes
 * to the page cache (no flush, Kafka's default). Retention keeps the log to 2 GiB so a long run does not
 * fill the disk; its deletions are part of the cost. Reports batches/s and, as the {@code bytes} counter,
 * bytes/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AppendBenchmark {

    @Param({"1024", "16384", "65536", "1048576"})
    public int batchBytes;

    private Path dir;
    private LogStoreComponent store;
    private PartitionLog log;
    private RecordBatch batch;

    /** Bytes appended, reported by JMH per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Written {
        public long bytes;
    }

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("karst-bench-append-");
        store = LogStoreComponent.open(Map.of(
                "log.dirs", dir.toString(),
                "log.retention.bytes", Long.toString(2L << 30),
                "log.retention.check.interval.ms", "1000",
                "log.segment.delete.delay.ms", "0"));
        log = store.getOrCreate(new TopicPartition("bench", 0), store.defaultConfig());
        batch = TestBatch.ofSize(batchBytes);
    }

    @Benchmark
    public long append(Written written) throws IOException {
        written.bytes += batchBytes;
        return log.append(List.of(batch), 0, -1).lastOffset();
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
