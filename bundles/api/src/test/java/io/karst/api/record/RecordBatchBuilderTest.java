package io.karst.api.record;

import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Batches built here are what Kafka reads, and batches Kafka builds are what is read here. */
class RecordBatchBuilderTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void kafkaReadsTheBuiltBatch() {
        RecordBatch batch = new RecordBatchBuilder()
                .add(1_000L, utf8("k1"), utf8("v1"), List.of(new Header("h", utf8("x"))))
                .add(1_500L, null, utf8("v2"), List.of())
                .add(1_200L, utf8("k3"), null, List.of(new Header("empty", null)))
                .build();

        MemoryRecords theirs = MemoryRecords.readableRecords(batch.buffer());
        org.apache.kafka.common.record.internal.RecordBatch only = theirs.batches().iterator().next();
        only.ensureValid();
        assertThat(only.maxTimestamp()).isEqualTo(1_500L);
        assertThat(only.producerId()).isEqualTo(-1L);
        List<Record> records = new ArrayList<>();
        theirs.records().forEach(records::add);
        assertThat(records).extracting(Record::offset).containsExactly(0L, 1L, 2L);
        assertThat(records).extracting(Record::timestamp).containsExactly(1_000L, 1_500L, 1_200L);
        assertThat(text(records.get(0).key())).isEqualTo("k1");
        assertThat(text(records.get(0).value())).isEqualTo("v1");
        assertThat(records.get(0).headers()[0].key()).isEqualTo("h");
        assertThat(records.get(1).hasKey()).isFalse();
        assertThat(records.get(2).hasValue()).isFalse();
        assertThat(records.get(2).headers()[0].value()).isNull();
    }

    @Test
    void readsWhatKafkaBuilds() {
        MemoryRecords theirs = MemoryRecords.withRecords(10L, Compression.NONE,
                new SimpleRecord(2_000L, utf8("a"), utf8("alpha"),
                        new org.apache.kafka.common.header.Header[]{new RecordHeader("trace", utf8("t1"))}),
                new SimpleRecord(2_001L, null, utf8("beta")));
        RecordBatch batch = RecordBatch.wrap(theirs.buffer());

        List<LogRecord> records = RecordReader.read(batch);

        assertThat(records).extracting(LogRecord::offset).containsExactly(10L, 11L);
        assertThat(records).extracting(LogRecord::timestamp).containsExactly(2_000L, 2_001L);
        assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("alpha");
        assertThat(records.get(0).headers()).singleElement()
                .satisfies(h -> assertThat(h.key()).isEqualTo("trace"));
        assertThat(records.get(1).key()).isNull();
    }

    @Test
    void aCompressedBatchIsNotReadAsPlainRecords() {
        MemoryRecords gzipped = MemoryRecords.withRecords(Compression.gzip().build(),
                new SimpleRecord(1L, utf8("k"), utf8("v")));
        RecordBatch batch = RecordBatch.wrap(gzipped.buffer());

        assertThatThrownBy(() -> RecordReader.read(batch))
                .isInstanceOf(InvalidRecordBatchException.class).hasMessageContaining("compressed");
    }

    @Test
    void aBatchNeedsARecord() {
        assertThatThrownBy(() -> new RecordBatchBuilder().build()).isInstanceOf(IllegalStateException.class);
    }

    private static String text(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }
}
