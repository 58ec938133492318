package io.karst.transport.netty.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FrameDecoderTest {

    @Test
    void reassemblesFramesFedOneByteAtATime() {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(1024, "test"));
        byte[] stream = concat(TestClient.frame(ascii("first")), TestClient.frame(ascii("")), TestClient.frame(ascii("third")));

        for (byte b : stream) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }

        assertThat(readString(channel)).isEqualTo("first");
        assertThat(readString(channel)).isEqualTo("");
        assertThat(readString(channel)).isEqualTo("third");
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void frameAtTheLimitPasses() {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(5, "test"));

        channel.writeInbound(Unpooled.wrappedBuffer(TestClient.frame(ascii("12345"))));

        assertThat(readString(channel)).isEqualTo("12345");
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void sizeAboveTheLimitClosesWithoutWaitingForTheBody() {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(5, "test"));

        channel.writeInbound(Unpooled.buffer().writeInt(6));

        assertThat(channel.isOpen()).isFalse();
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void negativeSizeCloses() {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(5, "test"));

        channel.writeInbound(Unpooled.buffer().writeInt(-7).writeBytes(ascii("junk")));

        assertThat(channel.isOpen()).isFalse();
        assertThat((Object) channel.readInbound()).isNull();
    }

    private static String readString(EmbeddedChannel channel) {
        ByteBuf frame = channel.readInbound();
        assertThat(frame).isNotNull();
        try {
            return frame.toString(StandardCharsets.US_ASCII);
        } finally {
            frame.release();
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuf all = Unpooled.buffer();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        byte[] bytes = new byte[all.readableBytes()];
        all.readBytes(bytes);
        return bytes;
    }
}
