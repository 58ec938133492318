package io.karst.codec.snappy.internal;

import io.karst.api.codec.Codec;
import io.karst.api.codec.CodecContract;
import io.karst.api.codec.CompressionType;
import org.apache.kafka.common.compress.Compression;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnappyCodecTest extends CodecContract {

    @Override
    protected Codec newCodec() {
        return new SnappyCodec();
    }

    @Override
    protected Compression kafkaCompression() {
        return Compression.snappy().build();
    }

    @Override
    protected CompressionType expectedType() {
        return CompressionType.SNAPPY;
    }

    @Test
    void writesXerialFramingAsKafkasJavaClientDoes() throws IOException {
        byte[] data = logLines(100_000, 4);
        byte[] ours = compress(data);
        assertThat(Arrays.copyOf(ours, XerialFraming.MAGIC.length)).isEqualTo(XerialFraming.MAGIC);
        assertThat(ours).isEqualTo(kafkaCompress(data));
    }

    /** librdkafka 2.0.2 sends one raw snappy block without framing. */
    @Test
    void readsARawBlockAsLibrdkafkaWritesIt() throws IOException {
        byte[] data = logLines(300_000, 8);
        assertThat(decompress(Snappy.compress(data))).isEqualTo(data);
    }

    @Test
    void aRawBlockDeclaringMoreThanItCanHoldFailsBeforeAllocating() throws IOException {
        // varint 0xFFFFFFFF0F: a block claiming 4 GiB of output from a few bytes
        byte[] lie = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 0x00, 'x'};
        assertThatThrownBy(() -> decompress(lie)).isInstanceOf(IOException.class);
        // a true block, but larger than a chunk may be
        byte[] zeros = Snappy.compress(new byte[XerialFraming.MAX_UNCOMPRESSED + 1]);
        assertThatThrownBy(() -> decompress(zeros)).isInstanceOf(IOException.class).hasMessageContaining("beyond");
    }

    @Test
    void aFramedStreamWithAChunkLengthOutOfRangeFails() throws IOException {
        byte[] stream = compress(logLines(1_000, 9));
        byte[] negative = stream.clone();
        negative[XerialFraming.HEADER_SIZE] = (byte) 0x80;
        assertThatThrownBy(() -> decompress(negative)).isInstanceOf(IOException.class).hasMessageContaining("out of range");
    }

    @Test
    void anEmptyStreamHoldsNothing() throws IOException {
        assertThat(decompress(new byte[0])).isEmpty();
        assertThat(decompress(compress(new byte[0]))).isEmpty();
    }
}
