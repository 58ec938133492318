package io.karst.codec.lz4.internal;

import io.karst.api.codec.Codec;
import io.karst.api.codec.CodecContract;
import io.karst.api.codec.CompressionType;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.lz4.LZ4FrameOutputStream.BLOCKSIZE;
import net.jpountz.lz4.LZ4FrameOutputStream.FLG.Bits;
import net.jpountz.xxhash.XXHashFactory;
import org.apache.kafka.common.compress.Compression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Lz4CodecTest extends CodecContract {

    @Override
    protected Codec newCodec() {
        return new Lz4Codec();
    }

    @Override
    protected Compression kafkaCompression() {
        return Compression.lz4().build();
    }

    @Override
    protected CompressionType expectedType() {
        return CompressionType.LZ4;
    }

    @Test
    void usesLz4JavasNativeLibrary() {
        assertThat(codec().library()).startsWith("lz4-java 1.").endsWith("(LZ4Factory:JNI)");
    }

    @Test
    void writesTheFrameKafkasJavaClientWrites() throws IOException {
        byte[] data = logLines(200_000, 21);
        byte[] ours = compress(data);
        assertThat(ours).startsWith(0x04, 0x22, 0x4d, 0x18, 0x60, 0x40);
        assertThat(ours).isEqualTo(kafkaCompress(data));
    }

    /** librdkafka writes standard LZ4F frames; other writers add sizes and checksums, all of which must read. */
    @ParameterizedTest
    @EnumSource(BLOCKSIZE.class)
    void readsStandardFramesWithContentSizeAndChecksums(BLOCKSIZE blockSize) throws IOException {
        byte[] data = logLines(700_000, 22);
        assertThat(decompress(lz4f(data, blockSize, Bits.BLOCK_INDEPENDENCE))).isEqualTo(data);
        assertThat(decompress(lz4f(data, blockSize, Bits.BLOCK_INDEPENDENCE, Bits.CONTENT_SIZE,
                Bits.CONTENT_CHECKSUM, Bits.BLOCK_CHECKSUM))).isEqualTo(data);
    }

    @Test
    void aChecksumThatDoesNotMatchFailsTheRead() throws IOException {
        byte[] data = logLines(10_000, 23);
        byte[] withBlockChecksum = lz4f(data, BLOCKSIZE.SIZE_64KB, Bits.BLOCK_INDEPENDENCE, Bits.BLOCK_CHECKSUM);
        withBlockChecksum[withBlockChecksum.length - 5] ^= 0x01; // last byte of the block checksum
        assertThatThrownBy(() -> decompress(withBlockChecksum)).isInstanceOf(IOException.class)
                .hasMessageContaining("block checksum");

        byte[] withContentChecksum = lz4f(data, BLOCKSIZE.SIZE_64KB, Bits.BLOCK_INDEPENDENCE, Bits.CONTENT_CHECKSUM);
        withContentChecksum[withContentChecksum.length - 1] ^= 0x01;
        assertThatThrownBy(() -> decompress(withContentChecksum)).isInstanceOf(IOException.class)
                .hasMessageContaining("content checksum");

        byte[] badHeader = compress(data);
        badHeader[6] ^= 0x01;
        assertThatThrownBy(() -> decompress(badHeader)).isInstanceOf(IOException.class)
                .hasMessageContaining("header checksum");
    }

    @Test
    void linkedBlocksAndOversizedBlocksFailTheRead() throws IOException {
        byte[] linked = compress(logLines(1_000, 24));
        linked[4] = 0x40; // version 01 without block independence
        linked[6] = (byte) Lz4Frame.headerChecksum(XXHashFactory.fastestInstance().hash32(), linked, 4, 2);
        assertThatThrownBy(() -> decompress(linked)).isInstanceOf(IOException.class).hasMessageContaining("linked");

        byte[] oversized = compress(logLines(1_000, 25));
        oversized[7 + 2] = 0x01; // the first block's size becomes 64 KiB + its old size
        assertThatThrownBy(() -> decompress(oversized)).isInstanceOf(IOException.class).hasMessageContaining("exceeds");
    }

    private static byte[] lz4f(byte[] data, BLOCKSIZE blockSize, Bits... flags) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = new LZ4FrameOutputStream(sink, blockSize, data.length, flags)) {
            out.write(data);
        }
        return sink.toByteArray();
    }
}
