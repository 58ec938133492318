package io.karst.broker.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.TopicPartition;
import io.karst.api.codec.BufferPool;
import io.karst.api.log.LogConfig;
import io.karst.api.record.RecordBatch;
import io.karst.codec.lz4.internal.Lz4Codec;
import io.karst.codec.zstd.internal.ZstdCodec;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Produced batches against topic codecs, with the real lz4 and zstd codecs and Kafka's record classes as the judge. */
class BatchConverterTest {
    private static final TopicPartition TP = new TopicPartition("converted", 0);

    private final Lz4Codec lz4 = new Lz4Codec();
    private final ZstdCodec zstd = new ZstdCodec();
    private final BatchConverter converter = new BatchConverter(new CodecRegistry(List.of(lz4, zstd)), new BufferPool(2));

    @AfterEach
    void closeCodecs() {
        lz4.close();
        zstd.close();
    }

    @Test
    void aBatchAlreadyInTheTopicsCodecIsStoredExactlyAsSent() {
        RecordBatch sent = batch(Compression.lz4().build(), 5, 100);
        for (String topicCodec : List.of("producer", "lz4")) {
            try (BatchConverter.Prepared prepared = converter.prepare(sent, settings(topicCodec, 1 << 20), TP)) {
                assertThat(prepared.batch()).as("compression.type=%s", topicCodec).isSameAs(sent);
            }
        }
    }

    @Test
    void anLz4BatchOnAZstdTopicBecomesZstdWithTheSameRecordsAndProducerFields() {
        RecordBatch sent = batch(Compression.lz4().build(), 20, 300);
        try (BatchConverter.Prepared prepared = converter.prepare(sent, settings("zstd", 1 << 20), TP)) {
            org.apache.kafka.common.record.internal.RecordBatch stored = kafkaView(prepared.batch());
            stored.ensureValid();
            assertThat(stored.compressionType()).isEqualTo(CompressionType.ZSTD);
            assertThat(stored.producerId()).isEqualTo(4242L);
            assertThat(stored.producerEpoch()).isEqualTo((short) 7);
            assertThat(stored.baseSequence()).isEqualTo(11);
            assertThat(stored.maxTimestamp()).isEqualTo(1_000L + 19);
            assertThat(values(stored)).isEqualTo(values(kafkaView(sent)));
        }
    }

    @Test
    void anUncompressedTopicStoresPlainBatchesAndPlainBatchesCanBeCompressed() {
        RecordBatch sent = batch(Compression.zstd().build(), 3, 50);
        try (BatchConverter.Prepared prepared = converter.prepare(sent, settings("uncompressed", 1 << 20), TP)) {
            assertThat(kafkaView(prepared.batch()).compressionType()).isEqualTo(CompressionType.NONE);
            assertThat(values(kafkaView(prepared.batch()))).isEqualTo(values(kafkaView(sent)));
        }
        RecordBatch plain = batch(Compression.NONE, 3, 50);
        try (BatchConverter.Prepared prepared = converter.prepare(plain, settings("lz4", 1 << 20), TP)) {
            assertThat(kafkaView(prepared.batch()).compressionType()).isEqualTo(CompressionType.LZ4);
            assertThat(values(kafkaView(prepared.batch()))).isEqualTo(values(kafkaView(plain)));
        }
    }

    @Test
    void aBatchNeedingAMissingCodecIsUnsupportedAndAPlainOneIsNot() {
        BatchConverter withoutCodecs = new BatchConverter(new CodecRegistry(List.of()), new BufferPool(1));
        assertRejected(withoutCodecs, batch(Compression.lz4().build(), 2, 10), "producer", Errors.UNSUPPORTED_COMPRESSION_TYPE);
        assertRejected(withoutCodecs, batch(Compression.NONE, 2, 10), "zstd", Errors.UNSUPPORTED_COMPRESSION_TYPE);
        RecordBatch plain = batch(Compression.NONE, 2, 10);
        try (BatchConverter.Prepared prepared = withoutCodecs.prepare(plain, settings("producer", 1 << 20), TP)) {
            assertThat(prepared.batch()).isSameAs(plain);
        }
    }

    @Test
    void aBadFrameOrAStreamCutShortIsCorrupt() {
        RecordBatch badFrame = batch(Compression.lz4().build(), 5, 100);
        badFrame.buffer().put(RecordBatch.HEADER_SIZE + 6, (byte) 0); // the lz4 frame's header checksum
        resign(badFrame);
        assertRejected(converter, badFrame, "producer", Errors.CORRUPT_MESSAGE);

        RecordBatch whole = batch(Compression.zstd().build(), 50, 200);
        ByteBuffer cut = ByteBuffer.allocate(whole.sizeInBytes() - 20).put(whole.buffer().limit(whole.sizeInBytes() - 20));
        cut.putInt(RecordBatch.BATCH_LENGTH, cut.capacity() - RecordBatch.LOG_OVERHEAD);
        RecordBatch truncated = RecordBatch.wrap(cut.flip());
        resign(truncated);
        assertRejected(converter, truncated, "producer", Errors.CORRUPT_MESSAGE);
    }

    @Test
    void recordsDecompressingBeyondMaxMessageBytesAreABomb() {
        RecordBatch bomb = batch(Compression.zstd().build(), 1, 2_000_000);
        assertThat(bomb.sizeInBytes()).isLessThan(1_000);
        assertRejected(converter, bomb, "producer", Errors.INVALID_RECORD);
    }

    @Test
    void aConvertedBatchOverMaxMessageBytesIsTooLarge() {
        RecordBatch sent = batch(Compression.zstd().build(), 1, 99_960);
        assertRejected(converter, sent, "uncompressed", 100_000, Errors.MESSAGE_TOO_LARGE);
    }

    private static void assertRejected(BatchConverter converter, RecordBatch batch, String topicCodec, Errors error) {
        assertRejected(converter, batch, topicCodec, 1 << 20, error);
    }

    private static void assertRejected(BatchConverter converter, RecordBatch batch, String topicCodec,
                                       int maxMessageBytes, Errors error) {
        assertThatThrownBy(() -> converter.prepare(batch, settings(topicCodec, maxMessageBytes), TP))
                .isInstanceOfSatisfying(KarstException.class, e -> assertThat(e.error()).isEqualTo(error));
    }

    private static TopicSettings settings(String compressionType, int maxMessageBytes) {
        return TopicSettings.of(BrokerConfig.fromMap(Map.of()), LogConfig.DEFAULTS, Map.of(
                "compression.type", compressionType, "max.message.bytes", Integer.toString(maxMessageBytes)));
    }

    /** An idempotent producer's batch of {@code count} records with {@code valueSize}-byte values of repeated text. */
    private static RecordBatch batch(Compression compression, int count, int valueSize) {
        MemoryRecordsBuilder builder = MemoryRecords.builder(ByteBuffer.allocate(1024), (byte) 2, compression,
                TimestampType.CREATE_TIME, 0L, 1_000L, 4242L, (short) 7, 11, false, -1);
        for (int i = 0; i < count; i++) {
            byte[] value = ("value " + i + " ").repeat(valueSize / 8 + 1).substring(0, valueSize)
                    .getBytes(StandardCharsets.UTF_8);
            builder.append(new SimpleRecord(1_000L + i, ("key-" + i).getBytes(StandardCharsets.UTF_8), value));
        }
        return RecordBatch.wrap(builder.build().buffer());
    }

    private static void resign(RecordBatch batch) {
        batch.buffer().putInt(RecordBatch.CRC, (int) batch.computeChecksum());
    }

    private static org.apache.kafka.common.record.internal.RecordBatch kafkaView(RecordBatch batch) {
        return MemoryRecords.readableRecords(batch.buffer()).batches().iterator().next();
    }

    private static List<String> values(org.apache.kafka.common.record.internal.RecordBatch batch) {
        List<String> values = new ArrayList<>();
        for (Record r : batch) {
            values.add(r.offset() + ":" + StandardCharsets.UTF_8.decode(r.key()) + "=" + StandardCharsets.UTF_8.decode(r.value()));
        }
        return values;
    }
}
