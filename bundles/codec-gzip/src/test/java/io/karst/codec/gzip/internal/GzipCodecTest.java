package io.karst.codec.gzip.internal;

import io.karst.api.codec.Codec;
import io.karst.api.codec.CodecContract;
import io.karst.api.codec.CompressionType;
import org.apache.kafka.common.compress.Compression;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GzipCodecTest extends CodecContract {

    @Override
    protected Codec newCodec() {
        return new GzipCodec();
    }

    @Override
    protected Compression kafkaCompression() {
        return Compression.gzip().build();
    }

    @Override
    protected CompressionType expectedType() {
        return CompressionType.GZIP;
    }

    @Test
    void readsConcatenatedMembersWithOptionalHeaderFields() throws IOException {
        byte[] first = "first member, as the JDK writes it\n".getBytes(StandardCharsets.UTF_8);
        byte[] second = "second member, with extra field, name, comment and header CRC\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        try (GZIPOutputStream jdk = new GZIPOutputStream(stream)) {
            jdk.write(first);
        }
        stream.writeBytes(memberWithAllHeaderFields(second));

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(first);
        expected.writeBytes(second);
        assertThat(decompress(stream.toByteArray())).isEqualTo(expected.toByteArray());
    }

    @Test
    void aTrailerThatDoesNotMatchTheDataFailsTheRead() throws IOException {
        byte[] stream = compress(logLines(2_000, 2));
        byte[] badCrc = stream.clone();
        badCrc[badCrc.length - 8] ^= 0x01;
        assertThatThrownBy(() -> decompress(badCrc)).isInstanceOf(IOException.class).hasMessageContaining("CRC");
        byte[] badLength = stream.clone();
        badLength[badLength.length - 4] ^= 0x01;
        assertThatThrownBy(() -> decompress(badLength)).isInstanceOf(IOException.class).hasMessageContaining("length");
    }

    @Test
    void aCorruptDeflateBodyFailsTheRead() throws IOException {
        byte[] stream = compress(logLines(2_000, 2));
        stream[10] = (byte) 0xff; // first byte of the deflate data: an invalid block type
        assertThatThrownBy(() -> decompress(stream)).isInstanceOf(IOException.class);
    }

    private static byte[] memberWithAllHeaderFields(byte[] data) {
        ByteArrayOutputStream member = new ByteArrayOutputStream();
        member.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0x02 | 0x04 | 0x08 | 0x10, 0, 0, 0, 0, 0, 3});
        member.writeBytes(new byte[] {4, 0, 'a', 'b', 'c', 'd'});          // extra field of 4 bytes
        member.writeBytes("name.txt\0".getBytes(StandardCharsets.ISO_8859_1));
        member.writeBytes("a comment\0".getBytes(StandardCharsets.ISO_8859_1));
        member.writeBytes(new byte[] {0x12, 0x34});                         // header CRC, not checked
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            member.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        writeIntLittleEndian(member, (int) crc.getValue());
        writeIntLittleEndian(member, data.length);
        return member.toByteArray();
    }

    private static void writeIntLittleEndian(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }
}
