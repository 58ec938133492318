package io.karst.bench;

import io.karst.api.record.RecordBatch;
import io.karst.api.record.RecordBatchCompression;
import io.karst.api.record.RecordsValidator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The broker's checks of a plain batch, as the baselines for {@link CodecBenchmark#deepValidate}: the
 * CRC alone (the header-only check every batch gets), and every record checked in place.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ValidationBenchmark {

    @Param({"16384", "65536"})
    public int batchBytes;

    private RecordBatch plain;

    @Setup
    public void setUp() {
        plain = LogBatches.batch(batchBytes, 42);
    }

    @Benchmark
    public boolean crcOnly() {
        return plain.isChecksumValid();
    }

    @Benchmark
    public boolean crcAndRecords() {
        boolean valid = plain.isChecksumValid();
        RecordsValidator.validate(plain, RecordBatchCompression.recordsSection(plain));
        return valid;
    }
}
