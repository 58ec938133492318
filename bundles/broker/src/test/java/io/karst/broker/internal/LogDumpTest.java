package io.karst.broker.internal;

import io.karst.api.TopicPartition;
import io.karst.api.broker.LogDumpVisitor;
import io.karst.api.record.LogRecord;
import io.karst.api.record.RecordBatch;
import io.karst.api.record.RecordBatchBuilder;
import io.karst.codec.lz4.internal.Lz4Codec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The log dump shows every stored batch, and for one whose records it cannot decode, why. */
class LogDumpTest {
    private static final int LZ4 = 3;
    private static final int ZSTD = 4;

    @TempDir
    Path dir;
    private LocalTopics local;
    private Partition partition;

    @BeforeEach
    void setUp() throws Exception {
        local = new LocalTopics(dir);
        TopicManager topics = local.topics();
        topics.create("dumped", 1, (short) 1, Map.of(), false);
        partition = topics.partition(new TopicPartition("dumped", 0));
    }

    @AfterEach
    void tearDown() throws Exception {
        local.close();
    }

    @Test
    void aBatchThatCannotBeDecodedShowsWhy() throws Exception {
        partition.append(new RecordBatchBuilder().add(1_000L, utf8("k"), utf8("fine"), List.of()).build(), 0);
        partition.append(RecordBatch.wrap(withCodec(TestBatches.batch(-1, (short) -1, -1, 2), LZ4)), 0);
        partition.append(RecordBatch.wrap(withCodec(TestBatches.batch(-1, (short) -1, -1, 1), ZSTD)), 0);
        partition.append(RecordBatch.wrap(TestBatches.batch(-1, (short) -1, -1, 1)), 0);

        List<String> seen = new ArrayList<>();
        new LogDump(partition, new RecordDecoder(new CodecRegistry(List.of(new Lz4Codec()))))
                .walk(null, new LogDumpVisitor() {
                    @Override
                    public void segment(Path file, long baseOffset, long sizeInBytes) {
                    }

                    @Override
                    public void batch(long position, RecordBatch batch, List<LogRecord> records, String undecoded) {
                        seen.add(batch.baseOffset() + ": " + (records != null
                                ? records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList()
                                : undecoded));
                    }
                });

        assertThat(seen).hasSize(4);
        assertThat(seen.get(0)).isEqualTo("0: [fine]");
        assertThat(seen.get(1)).startsWith("1: its records are not a valid lz4 stream: ");
        assertThat(seen.get(2)).isEqualTo("3: no zstd codec is installed");
        assertThat(seen.get(3)).startsWith("4: its records are malformed: ");
    }

    /** The batch with its codec bits set to {@code codec} (its records left as they are) and its CRC redone. */
    private static ByteBuffer withCodec(ByteBuffer batch, int codec) {
        batch.putShort(RecordBatch.ATTRIBUTES, (short) codec);
        batch.putInt(RecordBatch.CRC, (int) RecordBatch.wrap(batch).computeChecksum());
        return batch;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
