package io.karst.itests.protocol;

import io.karst.api.record.RecordBatch;
import io.karst.itests.Clients;
import io.karst.itests.KarstExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.ProduceResponseData.PartitionProduceResponse;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compressed batches at the protocol level, built with Kafka's own record classes and sent as Produce
 * v7 frames: stored byte for byte as sent where the topic keeps the producer's codec, converted where
 * it names another (Kafka's reader then reads the segment file), and rejected with CORRUPT_MESSAGE or
 * INVALID_RECORD when the compressed bytes are broken or decompress beyond {@code max.message.bytes},
 * with nothing written and the broker still serving.
 */
@Timeout(60)
class CompressedProduceTest {

    private static final short PRODUCE_V7 = 7;

    @RegisterExtension
    static final KarstExtension karst = KarstExtension.withDefaults();

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "snappy", "lz4", "zstd"})
    void aBatchOnAProducerTopicIsStoredByteForByteAsSent(String codec) throws Exception {
        String topic = "as-sent-" + codec;
        Clients.createTopic(karst.bootstrapServers(), topic, 1);
        byte[] sent = bytes(batch(Compression.of(codec).build(), 200).buffer());

        try (RawConnection connection = RawConnection.open(karst.port())) {
            PartitionProduceResponse response = connection.produce(PRODUCE_V7, topic, MemoryRecords.readableRecords(ByteBuffer.wrap(sent)));
            assertThat(Errors.forCode(response.errorCode())).isEqualTo(Errors.NONE);
        }

        byte[] stored = segmentBytes(topic);
        assertThat(stored).hasSameSizeAs(sent);
        // the broker owns the partition leader epoch (bytes 12-15); the base offset is 0 on both sides
        assertThat(Arrays.copyOfRange(stored, 0, 12)).isEqualTo(Arrays.copyOfRange(sent, 0, 12));
        assertThat(Arrays.copyOfRange(stored, 16, stored.length)).isEqualTo(Arrays.copyOfRange(sent, 16, sent.length));
    }

    @Test
    void anLz4BatchOnAZstdTopicIsStoredAsAZstdBatchThatKafkaReads() throws Exception {
        String topic = "to-zstd";
        try (Admin admin = Clients.admin(karst.bootstrapServers())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of("compression.type", "zstd")))).all().get();
        }
        MemoryRecords sent = batch(Compression.lz4().build(), 300);

        try (RawConnection connection = RawConnection.open(karst.port())) {
            assertThat(Errors.forCode(connection.produce(PRODUCE_V7, topic, sent).errorCode())).isEqualTo(Errors.NONE);
        }

        MemoryRecords stored = MemoryRecords.readableRecords(ByteBuffer.wrap(segmentBytes(topic)));
        List<org.apache.kafka.common.record.internal.RecordBatch> batches = new ArrayList<>();
        stored.batches().forEach(batches::add);
        assertThat(batches).hasSize(1);
        batches.get(0).ensureValid();
        assertThat(batches.get(0).compressionType()).isEqualTo(CompressionType.ZSTD);
        assertThat(values(stored)).isEqualTo(values(sent));
    }

    @Test
    void brokenCompressedBatchesAreRejectedAndNothingIsWritten() throws Exception {
        String topic = "broken";
        Clients.createTopic(karst.bootstrapServers(), topic, 1);

        ByteBuffer badFrame = batch(Compression.lz4().build(), 50).buffer();
        badFrame.put(RecordBatch.HEADER_SIZE + 6, (byte) (badFrame.get(RecordBatch.HEADER_SIZE + 6) ^ 0x5a)); // frame header checksum
        ByteBuffer garbage = batch(Compression.gzip().build(), 50).buffer();
        byte[] noise = new byte[garbage.limit() - RecordBatch.HEADER_SIZE];
        new Random(3).nextBytes(noise);
        garbage.put(RecordBatch.HEADER_SIZE, noise);
        ByteBuffer whole = batch(Compression.zstd().build(), 200).buffer();
        ByteBuffer truncated = ByteBuffer.allocate(whole.limit() - 40).put(whole.limit(whole.limit() - 40)).flip();
        truncated.putInt(RecordBatch.BATCH_LENGTH, truncated.limit() - RecordBatch.LOG_OVERHEAD);
        // one record of 3 MiB of zeros: a few hundred bytes on the wire, beyond max.message.bytes once decompressed
        ByteBuffer bomb = MemoryRecords.withRecords(Compression.zstd().build(),
                new SimpleRecord(1L, null, new byte[3 << 20])).buffer();
        assertThat(bomb.limit()).isLessThan(1_000);

        try (RawConnection connection = RawConnection.open(karst.port())) {
            assertThat(produceSigned(connection, topic, badFrame)).as("bad lz4 frame").isEqualTo(Errors.CORRUPT_MESSAGE);
            assertThat(produceSigned(connection, topic, garbage)).as("gzip of noise").isEqualTo(Errors.CORRUPT_MESSAGE);
            assertThat(produceSigned(connection, topic, truncated)).as("zstd cut short").isEqualTo(Errors.CORRUPT_MESSAGE);
            assertThat(produceSigned(connection, topic, bomb)).as("zstd bomb").isEqualTo(Errors.INVALID_RECORD);

            // the same connection is still served, and the first batch that passes gets offset 0
            PartitionProduceResponse good = connection.produce(PRODUCE_V7, topic, batch(Compression.zstd().build(), 5));
            assertThat(Errors.forCode(good.errorCode())).isEqualTo(Errors.NONE);
            assertThat(good.baseOffset()).isZero();
        }
        try (RawConnection fresh = RawConnection.open(karst.port())) {
            assertThat(fresh.produce(PRODUCE_V7, topic, batch(Compression.lz4().build(), 5)).baseOffset()).isEqualTo(5L);
        }
    }

    /** Signs the batch with its CRC (so that only the compressed bytes are wrong) and produces it. */
    private static Errors produceSigned(RawConnection connection, String topic, ByteBuffer batch) throws IOException {
        RecordBatch view = RecordBatch.wrap(batch.duplicate().position(0));
        batch.putInt(RecordBatch.CRC, (int) view.computeChecksum());
        return Errors.forCode(connection.produce(PRODUCE_V7, topic,
                MemoryRecords.readableRecords(batch.duplicate().position(0))).errorCode());
    }

    /** One batch of {@code count} JSON-ish records of about 200 bytes each. */
    private static MemoryRecords batch(Compression compression, int count) {
        SimpleRecord[] records = IntStream.range(0, count)
                .mapToObj(i -> new SimpleRecord(1_000L + i, ("key-" + i).getBytes(StandardCharsets.UTF_8),
                        ("{\"seq\":" + i + ",\"msg\":\"" + "event happened ".repeat(12) + "\"}").getBytes(StandardCharsets.UTF_8)))
                .toArray(SimpleRecord[]::new);
        return MemoryRecords.withRecords(compression, records);
    }

    private static List<String> values(MemoryRecords records) {
        List<String> values = new ArrayList<>();
        for (Record r : records.records()) {
            values.add(r.offset() + ":" + StandardCharsets.UTF_8.decode(r.value()));
        }
        return values;
    }

    /** The bytes of the partition's one segment file. */
    private static byte[] segmentBytes(String topic) throws IOException {
        Path dir = karst.partitionDir(topic, 0);
        try (var files = Files.list(dir)) {
            List<Path> logs = files.filter(f -> f.toString().endsWith(".log")).toList();
            assertThat(logs).as("segment files of %s", topic).hasSize(1);
            return Files.readAllBytes(logs.get(0));
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
