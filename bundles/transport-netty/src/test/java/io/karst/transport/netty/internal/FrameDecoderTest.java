package io.karst.transport.netty.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FrameDecoderTest {

    private static final int READ_BYTES = 16 << 10;
    private static final ByteBufAllocator ALLOC = UnpooledByteBufAllocator.DEFAULT;

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
    void aSizeThatCannotFitOneBufferClosesEvenUnderTheLargestLimit() {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(Integer.MAX_VALUE, "test"));

        channel.writeInbound(Unpooled.buffer().writeInt(Integer.MAX_VALUE - 3));

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

    @Test
    void restOfAFrameIsReadStraightIntoTheBufferThatHoldsItsStart() {
        FrameDecoder decoder = new FrameDecoder(1 << 20, "test");
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        RecvByteBufAllocator.Handle reads = new FrameReadAllocator(new FixedRecvByteBufAllocator(READ_BYTES), decoder).newHandle();
        byte[] stream = TestClient.frame(random(300_000));

        ByteBuf first = reads.allocate(ALLOC);
        int firstBytes = first.writableBytes();
        channel.writeInbound(first.writeBytes(stream, 0, firstBytes));
        assertThat((Object) channel.readInbound()).isNull();
        ByteBuf rest = reads.allocate(ALLOC);
        assertThat(rest.writableBytes()).isGreaterThanOrEqualTo(stream.length - firstBytes);
        channel.writeInbound(rest.writeBytes(stream, firstBytes, stream.length - firstBytes));

        ByteBuf frame = channel.readInbound();
        assertThat(frame.memoryAddress()).isEqualTo(rest.memoryAddress() + Integer.BYTES);
        assertThat(ByteBufUtil.getBytes(frame)).isEqualTo(Arrays.copyOfRange(stream, Integer.BYTES, stream.length));
        frame.release();
        assertThat(rest.refCnt()).isZero();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void aLargeAnnouncedSizeReservesRoomOnlyAsTheBytesArrive() {
        FrameDecoder decoder = new FrameDecoder(100 << 20, "test");
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        RecvByteBufAllocator.Handle reads = new FrameReadAllocator(new FixedRecvByteBufAllocator(READ_BYTES), decoder).newHandle();
        byte[] stream = TestClient.frame(random(5 << 20));

        int offset = 0;
        int largestRoom = 0;
        ByteBuf frame = null;
        while (frame == null) {
            ByteBuf target = reads.allocate(ALLOC);
            largestRoom = Math.max(largestRoom, target.writableBytes());
            assertThat(target.writableBytes()).isLessThanOrEqualTo(Math.max(offset, FrameDecoder.MAX_ROOM_AHEAD) + READ_BYTES);
            int n = Math.min(target.writableBytes(), stream.length - offset);
            channel.writeInbound(target.writeBytes(stream, offset, n));
            offset += n;
            frame = channel.readInbound();
        }

        assertThat(offset).isEqualTo(stream.length);
        assertThat(largestRoom).isGreaterThan(FrameDecoder.MAX_ROOM_AHEAD);
        assertThat(ByteBufUtil.getBytes(frame)).isEqualTo(Arrays.copyOfRange(stream, Integer.BYTES, stream.length));
        frame.release();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void framesAfterTheOneThatSpannedReadsAreEmittedFromTheSameRead() {
        FrameDecoder decoder = new FrameDecoder(1 << 20, "test");
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        RecvByteBufAllocator.Handle reads = new FrameReadAllocator(new FixedRecvByteBufAllocator(READ_BYTES), decoder).newHandle();
        byte[] stream = concat(TestClient.frame(ascii("first")), TestClient.frame(ascii("second")), TestClient.frame(ascii("third")));

        channel.writeInbound(reads.allocate(ALLOC).writeBytes(stream, 0, 6));
        ByteBuf target = reads.allocate(ALLOC);
        channel.writeInbound(target.writeBytes(stream, 6, stream.length - 6));

        assertThat(readString(channel)).isEqualTo("first");
        assertThat(readString(channel)).isEqualTo("second");
        assertThat(readString(channel)).isEqualTo("third");
        assertThat(channel.finish()).isFalse();
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

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
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
