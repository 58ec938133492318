package io.karst.codec.zstd.internal;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import io.karst.api.codec.Codec;
import io.karst.api.codec.CodecContract;
import io.karst.api.codec.CompressionType;
import org.apache.kafka.common.compress.Compression;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZstdCodecTest extends CodecContract {

    @Override
    protected Codec newCodec() {
        return new ZstdCodec();
    }

    @Override
    protected Compression kafkaCompression() {
        return Compression.zstd().build();
    }

    @Override
    protected CompressionType expectedType() {
        return CompressionType.ZSTD;
    }

    /** zstd's one-shot API writes the content size into the frame header, unlike streaming writers. */
    @Test
    void readsFramesWithAContentSizeAndSeveralFramesInARow() throws IOException {
        byte[] first = logLines(50_000, 31);
        byte[] second = logLines(70_000, 32);
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        frames.writeBytes(Zstd.compress(first, 19));
        frames.writeBytes(compress(second));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(first);
        expected.writeBytes(second);
        assertThat(decompress(frames.toByteArray())).isEqualTo(expected.toByteArray());
    }

    @Test
    void aFrameWithABadChecksumFailsTheRead() {
        byte[] data = logLines(20_000, 33);
        byte[] withChecksum;
        try (ZstdCompressCtx ctx = new ZstdCompressCtx().setLevel(3).setChecksum(true)) {
            withChecksum = ctx.compress(data);
        }
        withChecksum[withChecksum.length - 1] ^= 0x01;
        assertThatThrownBy(() -> decompress(withChecksum)).isInstanceOf(IOException.class);
    }

    @Test
    void writesNoContentSizeAtKafkasDefaultLevel() throws IOException {
        byte[] frame = compress(logLines(20_000, 34));
        assertThat(Zstd.getFrameContentSize(frame)).isLessThan(0);
        assertThat(decompress(frame)).hasSize(20_000);
    }
}
