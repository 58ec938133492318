package io.karst.api.record;

import io.karst.api.codec.BufferPool;
import io.karst.api.codec.Codec;
import io.karst.api.codec.PooledOutputStream;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.utils.ByteBufferOutputStream;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Converting a batch's codec keeps every header field and record; Kafka reads the result. */
class RecordBatchCompressionTest {

    private final BufferPool pool = new BufferPool(4);

    /** gzip on the JDK's own streams: enough of a codec to move records between codecs here. */
    private static final Codec JDK_GZIP = new Codec() {
        @Override
        public String name() {
            return "gzip";
        }

        @Override
        public int id() {
            return 1;
        }

        @Override
        public String library() {
            return "JDK";
        }

        @Override
        public OutputStream compress(OutputStream out) throws IOException {
            return new GZIPOutputStream(new NonClosing(out));
        }

        @Override
        public InputStream decompress(InputStream in) throws IOException {
            return new GZIPInputStream(in);
        }
    };

    @Test
    void aPlainIdempotentBatchConvertedToGzipKeepsItsHeaderAndRecords() throws IOException {
        RecordBatch plain = idempotentBatch(Compression.NONE);
        try (PooledOutputStream out = new PooledOutputStream(pool, 1 << 20)) {
            RecordBatch gzipped = RecordBatchCompression.withRecords(plain, RecordBatchCompression.recordsSection(plain),
                    JDK_GZIP, out);

            org.apache.kafka.common.record.internal.RecordBatch theirs =
                    MemoryRecords.readableRecords(gzipped.buffer()).batches().iterator().next();
            theirs.ensureValid();
            assertThat(theirs.compressionType()).isEqualTo(CompressionType.GZIP);
            assertThat(theirs.producerId()).isEqualTo(77L);
            assertThat(theirs.producerEpoch()).isEqualTo((short) 3);
            assertThat(theirs.baseSequence()).isEqualTo(40);
            assertThat(theirs.lastOffset()).isEqualTo(2L);
            assertThat(theirs.maxTimestamp()).isEqualTo(5_002L);
            assertThat(theirs.countOrNull()).isEqualTo(3);
            List<String> values = new ArrayList<>();
            for (Record r : theirs) {
                values.add(StandardCharsets.UTF_8.decode(r.value()).toString());
            }
            assertThat(values).containsExactly("v0", "v1", "v2");
        }
    }

    @Test
    void decompressingAndConvertingBackGivesTheOriginalBytes() throws IOException {
        RecordBatch plain = idempotentBatch(Compression.NONE);
        RecordBatch kafkaGzipped = idempotentBatch(Compression.gzip().build());
        try (PooledOutputStream records = new PooledOutputStream(pool, 1 << 20);
             PooledOutputStream out = new PooledOutputStream(pool, 1 << 20)) {
            ByteBuffer decompressed = RecordBatchCompression.decompressRecords(kafkaGzipped, JDK_GZIP, records);
            RecordBatch back = RecordBatchCompression.withRecords(kafkaGzipped, decompressed, null, out);
            assertThat(back.buffer()).isEqualTo(plain.buffer());
        }
    }

    @Test
    void recordsDecompressingBeyondTheCeilingFail() throws IOException {
        RecordBatch kafkaGzipped = idempotentBatch(Compression.gzip().build());
        try (PooledOutputStream small = new PooledOutputStream(pool, 10)) {
            assertThatThrownBy(() -> RecordBatchCompression.decompressRecords(kafkaGzipped, JDK_GZIP, small))
                    .isInstanceOf(PooledOutputStream.OutputLimitExceededException.class);
        }
    }

    private static RecordBatch idempotentBatch(Compression compression) {
        MemoryRecordsBuilder builder = MemoryRecords.builder(ByteBuffer.allocate(1024), (byte) 2, compression,
                TimestampType.CREATE_TIME, 0L, 5_000L, 77L, (short) 3, 40, false, -1);
        for (int i = 0; i < 3; i++) {
            builder.append(new SimpleRecord(5_000L + i, ("k" + i).getBytes(StandardCharsets.UTF_8),
                    ("v" + i).getBytes(StandardCharsets.UTF_8)));
        }
        return RecordBatch.wrap(builder.build().buffer());
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
