package io.karst.api.record;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.codec.BufferPool;
import io.karst.api.codec.PooledOutputStream;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Kafka's records pass; records that break the format in any one way fail with INVALID_RECORD. */
class RecordsValidatorTest {

    /** A batch Kafka builds with three records: its header is reused over hand-made record bytes. */
    private final RecordBatch kafkaBatch = RecordBatch.wrap(MemoryRecords.withRecords(Compression.NONE,
            new SimpleRecord(1_000L, utf8("k0"), utf8("v0"),
                    new org.apache.kafka.common.header.Header[] {new RecordHeader("h", utf8("x"))}),
            new SimpleRecord(1_001L, null, utf8("v1")),
            new SimpleRecord(1_002L, utf8("k2"), null)).buffer());

    @Test
    void recordsKafkaWritesPass() {
        assertThatCode(() -> RecordsValidator.validate(kafkaBatch, RecordBatchCompression.recordsSection(kafkaBatch)))
                .doesNotThrowAnyException();
        assertThatCode(() -> validate(record(0, "k", "v", "h"), record(1, null, "v", null), record(2, "k", null, null)))
                .doesNotThrowAnyException();
    }

    @Test
    void anOffsetDeltaOutOfPlaceIsInvalid() {
        assertInvalid("offset delta 2", record(0, "k", "v", null), record(2, "k", "v", null), record(2, "k", "v", null));
    }

    @Test
    void fewerOrMoreRecordsThanTheHeaderCountsAreInvalid() {
        assertInvalid("holds 2 records", record(0, "k", "v", null), record(1, "k", "v", null));
        assertInvalid("after its 3 records", record(0, "k", "v", null), record(1, "k", "v", null),
                record(2, "k", "v", null), record(3, "k", "v", null));
    }

    @Test
    void aRecordCutShortOrLongerThanItsFieldsIsInvalid() {
        byte[] whole = record(2, "key", "value", null);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 2);
        assertInvalid("length", record(0, "k", "v", null), record(1, "k", "v", null), cut);
        byte[] padded = withLength(record(2, "k", "v", null), 2);
        assertInvalid("beyond its fields", record(0, "k", "v", null), record(1, "k", "v", null), padded);
    }

    @Test
    void aHeaderWithoutKeyIsInvalid() {
        ByteBuffer body = ByteBuffer.allocate(64);
        body.put((byte) 0);
        Varints.writeVarlong(body, 0);
        Varints.writeVarint(body, 2);
        Varints.writeVarint(body, -1); // key
        Varints.writeVarint(body, -1); // value
        Varints.writeVarint(body, 1);  // one header
        Varints.writeVarint(body, -1); // null header key
        Varints.writeVarint(body, -1);
        assertInvalid("header without a key", record(0, "k", "v", null), record(1, "k", "v", null), framed(body.flip()));
    }

    @Test
    void aBrokenRecordIsNamedByItsIndex() {
        assertThatThrownBy(() -> validate(record(0, "k", "v", null), record(2, "k", "v", null), record(2, "k", "v", null)))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.recordErrors())
                        .containsExactly(new RecordError(1, "record 1 has offset delta 2")));
    }

    @Test
    void recordsWithoutKeysAreRefusedForACompactedTopicEachByIndex() {
        ByteBuffer records = RecordBatchCompression.recordsSection(kafkaBatch);
        assertThatCode(() -> RecordsValidator.validate(kafkaBatch, records, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> RecordsValidator.validate(kafkaBatch, records, new TopicPartition("compacted", 3)))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> {
                    assertThat(e.error()).isEqualTo(Errors.INVALID_RECORD);
                    assertThat(e.recordErrors()).containsExactly(new RecordError(1,
                            "Compacted topic cannot accept message without key in topic partition compacted-3."));
                })
                .hasMessageContaining("1 record errors")
                .hasMessageContaining("RecordError(batchIndex=1, message='Compacted topic cannot accept message");
    }

    private void assertInvalid(String problem, byte[]... records) {
        assertThatThrownBy(() -> validate(records))
                .isInstanceOfSatisfying(KarstException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.error()).isEqualTo(Errors.INVALID_RECORD))
                .hasMessageContaining(problem);
    }

    private void validate(byte[]... records) throws IOException {
        int size = 0;
        for (byte[] r : records) {
            size += r.length;
        }
        ByteBuffer section = ByteBuffer.allocate(size);
        for (byte[] r : records) {
            section.put(r);
        }
        section.flip();
        try (PooledOutputStream out = new PooledOutputStream(new BufferPool(1), 1 << 20)) {
            RecordBatch batch = RecordBatchCompression.withRecords(kafkaBatch, section, null, out);
            RecordsValidator.validate(batch, RecordBatchCompression.recordsSection(batch));
        }
    }

    /** One record as Kafka encodes it: length, attributes, timestamp delta, offset delta, key, value, headers. */
    private static byte[] record(int offsetDelta, String key, String value, String headerKey) {
        ByteBuffer body = ByteBuffer.allocate(256);
        body.put((byte) 0);
        Varints.writeVarlong(body, offsetDelta);
        Varints.writeVarint(body, offsetDelta);
        writeBytes(body, key);
        writeBytes(body, value);
        Varints.writeVarint(body, headerKey == null ? 0 : 1);
        if (headerKey != null) {
            writeBytes(body, headerKey);
            writeBytes(body, "x");
        }
        return framed(body.flip());
    }

    private static byte[] framed(ByteBuffer body) {
        ByteBuffer out = ByteBuffer.allocate(body.remaining() + 5);
        Varints.writeVarint(out, body.remaining());
        out.put(body);
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    /** The record with its length field grown by {@code extra} and that many zero bytes appended. */
    private static byte[] withLength(byte[] record, int extra) {
        ByteBuffer in = ByteBuffer.wrap(record);
        int length = Varints.readVarint(in);
        ByteBuffer body = ByteBuffer.allocate(length + extra);
        body.put(in).position(length + extra);
        return framed(body.flip());
    }

    private static void writeBytes(ByteBuffer buf, String s) {
        if (s == null) {
            Varints.writeVarint(buf, -1);
            return;
        }
        byte[] bytes = utf8(s);
        Varints.writeVarint(buf, bytes.length);
        buf.put(bytes);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
