package io.karst.api.codec;

import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.utils.BufferSupplier;
import org.apache.kafka.common.utils.ByteBufferOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Codec} must do, checked against Kafka's own compression streams (kafka-clients):
 * Kafka reads what the codec writes, the codec reads what Kafka writes, and bytes that are not a
 * whole stream of the codec fail with an {@link IOException}, never a wrong result or a hang. A
 * codec bundle's test extends this class and names the codec and Kafka's equivalent.
 */
public abstract class CodecContract {

    /** Sizes around the block sizes codecs use (32 KiB snappy, 64 KiB lz4) and beyond. */
    private static final int[] SIZES = {1, 100, 32_768, 65_536, 65_537, 300_000};

    private Codec codec;

    /** A new instance of the codec under test. */
    protected abstract Codec newCodec();

    /** Kafka's compression of the same codec. */
    protected abstract Compression kafkaCompression();

    /** Kafka's codec id the codec must report. */
    protected abstract CompressionType expectedType();

    protected final Codec codec() {
        if (codec == null) {
            codec = newCodec();
        }
        return codec;
    }

    @AfterEach
    void closeCodec() throws Exception {
        if (codec instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** Log lines like those records carry: JSON-ish text of 100 B to 1 KiB, reproducible per seed. */
    public static byte[] logLines(int size, long seed) {
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 1024);
        String[] levels = {"INFO", "WARN", "DEBUG", "ERROR"};
        String[] services = {"checkout", "payments", "inventory", "search", "auth"};
        while (out.size() < size) {
            StringBuilder line = new StringBuilder(1024)
                    .append("{\"ts\":\"2025-01-").append(10 + random.nextInt(20)).append("T12:")
                    .append(10 + random.nextInt(50)).append(':').append(10 + random.nextInt(50))
                    .append('.').append(100 + random.nextInt(900)).append("Z\",\"level\":\"")
                    .append(levels[random.nextInt(levels.length)]).append("\",\"service\":\"")
                    .append(services[random.nextInt(services.length)]).append("\",\"trace\":\"")
                    .append(Long.toHexString(random.nextLong())).append("\",\"msg\":\"");
            int words = 5 + random.nextInt(120);
            for (int w = 0; w < words; w++) {
                line.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            line.append("\",\"latency_ms\":").append(random.nextInt(5000)).append("}\n");
            out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        return Arrays.copyOf(out.toByteArray(), size);
    }

    private static final String[] WORDS = ("request served user order cart item added removed payment "
            + "authorised declined retry timeout upstream cache hit miss query index shard replica "
            + "session token refreshed expired warehouse stock reserved released").split(" ");

    @Test
    void reportsKafkasNameAndIdAndItsLibrary() {
        assertThat(codec().id()).isEqualTo(expectedType().id());
        assertThat(codec().name()).isEqualTo(expectedType().kafkaName());
        assertThat(codec().library()).isNotBlank().doesNotContain("unknown");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100, 32_768, 65_536, 65_537, 300_000})
    void kafkaReadsWhatTheCodecWrites(int size) throws IOException {
        byte[] data = logLines(size, size);
        assertThat(kafkaDecompress(compress(data))).isEqualTo(data);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100, 32_768, 65_536, 65_537, 300_000})
    void theCodecReadsWhatKafkaWrites(int size) throws IOException {
        byte[] data = logLines(size, size);
        assertThat(decompress(kafkaCompress(data))).isEqualTo(data);
    }

    @Test
    void incompressibleBytesRoundTrip() throws IOException {
        byte[] data = new byte[200_000];
        new Random(7).nextBytes(data);
        assertThat(decompress(compress(data))).isEqualTo(data);
        assertThat(kafkaDecompress(compress(data))).isEqualTo(data);
    }

    @Test
    void writesOneByteAtATimeToo() throws IOException {
        byte[] data = logLines(5_000, 3);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = codec().compress(sink)) {
            for (byte b : data) {
                out.write(b);
            }
        }
        try (InputStream in = codec().decompress(new ByteArrayInputStream(sink.toByteArray()))) {
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                read.write(b);
            }
            assertThat(read.toByteArray()).isEqualTo(data);
        }
    }

    @Test
    void aStreamCutShortFailsTheRead() throws IOException {
        byte[] whole = compress(logLines(100_000, 11));
        for (int length : new int[] {1, 5, whole.length / 3, whole.length / 2, whole.length - 1}) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> decompress(cut)).as("stream cut to %d of %d bytes", length, whole.length)
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void bytesOfNoSuchStreamFailTheRead() {
        byte[] garbage = new byte[4_096];
        new Random(5).nextBytes(garbage);
        garbage[0] = 0x7f; // not the first byte of any codec's magic
        assertThatThrownBy(() -> decompress(garbage)).isInstanceOf(IOException.class);
        byte[] text = "this is not compressed at all, just text sent with a codec id".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> decompress(text)).isInstanceOf(IOException.class);
    }

    @Test
    void bytesAfterTheStreamFailTheRead() throws IOException {
        byte[] whole = compress(logLines(10_000, 13));
        byte[] padded = Arrays.copyOf(whole, whole.length + 3);
        assertThatThrownBy(() -> decompress(padded)).isInstanceOf(IOException.class);
    }

    @Test
    void closingTheCodecsStreamsLeavesTheUnderlyingStreamsOpen() throws IOException {
        CloseTracking sink = new CloseTracking();
        codec().compress(sink).close();
        assertThat(sink.closed).isFalse();
        byte[] stream = compress(logLines(100, 1));
        CloseTrackingInput source = new CloseTrackingInput(stream);
        try (InputStream in = codec().decompress(source)) {
            in.readAllBytes();
        }
        assertThat(source.closed).isFalse();
    }

    /** Pooled buffers and contexts go back and come out again: results stay right, across threads too. */
    @Test
    void manyStreamsInParallelStayCorrect() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                runs.add(threads.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        byte[] data = logLines(SIZES[(i + thread) % SIZES.length], thread * 1000L + i);
                        assertThat(decompress(compress(data))).isEqualTo(data);
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    protected final byte[] compress(byte[] data) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = codec().compress(sink)) {
            out.write(data);
        }
        return sink.toByteArray();
    }

    protected final byte[] decompress(byte[] compressed) throws IOException {
        try (InputStream in = codec().decompress(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
    }

    protected final byte[] kafkaCompress(byte[] data) throws IOException {
        ByteBufferOutputStream sink = new ByteBufferOutputStream(1024);
        try (OutputStream out = kafkaCompression().wrapForOutput(sink, (byte) 2)) {
            out.write(data);
        }
        ByteBuffer written = sink.buffer().flip();
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);
        return bytes;
    }

    protected final byte[] kafkaDecompress(byte[] compressed) throws IOException {
        try (InputStream in = kafkaCompression().wrapForInput(ByteBuffer.wrap(compressed), (byte) 2,
                BufferSupplier.create())) {
            return in.readAllBytes();
        }
    }

    private static final class CloseTracking extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    private static final class CloseTrackingInput extends ByteArrayInputStream {
        boolean closed;

        CloseTrackingInput(byte[] bytes) {
            super(bytes);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
