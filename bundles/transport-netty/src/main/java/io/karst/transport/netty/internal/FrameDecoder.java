package io.karst.transport.netty.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Cuts the byte stream into Kafka frames: an int32 size, then that many bytes. Emits each frame without
 * its size as a retained slice of the (contiguous) cumulation buffer, so nothing is copied. A size below 0
 * or above {@code socket.request.max.bytes} closes the connection at once, before any of the body is read
 * or buffered, with one log line.
 */
final class FrameDecoder extends ByteToMessageDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(FrameDecoder.class);
    private static final int SIZE_BYTES = Integer.BYTES;

    private final int maxFrameBytes;
    private final String connectionId;
    private boolean rejected;

    FrameDecoder(int maxFrameBytes, String connectionId) {
        this.maxFrameBytes = maxFrameBytes;
        this.connectionId = connectionId;
        // The default, made explicit: frames must be slices of one contiguous buffer to reach the handler uncopied.
        setCumulator(MERGE_CUMULATOR);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (rejected) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < SIZE_BYTES) {
            return;
        }
        int size = in.getInt(in.readerIndex());
        if (size < 0 || size > maxFrameBytes) {
            rejected = true;
            in.skipBytes(in.readableBytes());
            LOG.warn("Closing connection {} from {}: request size {} is outside 0..{} ({})", connectionId,
                    ctx.channel().remoteAddress(), size, maxFrameBytes, TransportConfig.SOCKET_REQUEST_MAX_BYTES);
            ctx.close();
            return;
        }
        if (in.readableBytes() - SIZE_BYTES < size) {
            return;
        }
        in.skipBytes(SIZE_BYTES);
        out.add(in.readRetainedSlice(size));
    }
}
