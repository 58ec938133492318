package io.karst.transport.netty.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts the byte stream into Kafka frames: an int32 size, then that many bytes. Emits each frame without
 * its size as a retained slice of the buffer it was read into, so nothing is copied. A size below 0 or
 * above {@code socket.request.max.bytes} closes the connection at once, before any of the body is read or
 * buffered, with one log line.
 *
 * <p>A frame that does not fit in one socket read is the case to care about: a produce request is often
 * larger than what the socket holds when the read happens. Netty's cumulating decoders copy every later
 * read onto the first. Here, through {@link FrameReadAllocator}, the socket reads the rest of a started
 * frame straight into a buffer with room for the whole frame ({@link #readTarget}); only the part that
 * arrived first is moved, once.
 */
final class FrameDecoder extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(FrameDecoder.class);
    private static final int SIZE_BYTES = Integer.BYTES;
    /**
     * Room reserved for a frame at once, whatever its announced size: larger frames get room as their bytes
     * arrive, doubling, so a size alone cannot make the broker allocate {@code socket.request.max.bytes}.
     */
    static final int MAX_ROOM_AHEAD = 1 << 20;

    private final int maxFrameBytes;
    private final String connectionId;
    /** Bytes read and not yet emitted: the start of a frame, or of its size. Null when there are none. */
    private ByteBuf pending;
    private boolean rejected;

    FrameDecoder(int maxFrameBytes, String connectionId) {
        // a frame and its size must fit in one buffer, whatever socket.request.max.bytes allows
        this.maxFrameBytes = Math.min(maxFrameBytes, Integer.MAX_VALUE - SIZE_BYTES);
        this.connectionId = connectionId;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        if (rejected) {
            in.release();
            return;
        }
        if (pending == null) {
            pending = in;
        } else if (in == pending) {
            // The socket read into the pending buffer (readTarget); the read loop's reference is not needed.
            in.release();
        } else {
            pending = append(ctx.alloc(), pending, in);
        }
        emitFrames(ctx);
    }

    /**
     * The buffer the next socket read should fill, with one reference for the reader, or null for a fresh
     * buffer of Netty's choice: when part of a frame is pending, the read goes on where that part ends.
     *
     * @param guess how much the channel's read-size heuristic would read now
     */
    ByteBuf readTarget(ByteBufAllocator alloc, int guess) {
        if (pending == null || rejected) {
            return null;
        }
        int readable = pending.readableBytes();
        // Bytes to the end of the frame, or 0 while its size has not fully arrived.
        int missing = readable < SIZE_BYTES ? 0 : SIZE_BYTES + pending.getInt(pending.readerIndex()) - readable;
        int room = missing == 0 ? guess : Math.min(missing, Math.max(readable, MAX_ROOM_AHEAD));
        if (!pending.isWritable(room)) {
            ByteBuf larger = alloc.ioBuffer((int) Math.min((long) readable + Math.max(room, guess), Integer.MAX_VALUE));
            larger.writeBytes(pending);
            pending.release();
            pending = larger;
        }
        return pending.retain();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        releasePending();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releasePending();
    }

    private void emitFrames(ChannelHandlerContext ctx) {
        while (pending != null && pending.readableBytes() >= SIZE_BYTES) {
            int size = pending.getInt(pending.readerIndex());
            if (size < 0 || size > maxFrameBytes) {
                reject(ctx, size);
                return;
            }
            if (pending.readableBytes() - SIZE_BYTES < size) {
                return;
            }
            pending.skipBytes(SIZE_BYTES);
            ByteBuf frame = pending.readRetainedSlice(size);
            if (!pending.isReadable()) {
                releasePending();
            }
            ctx.fireChannelRead(frame);
        }
    }

    private void reject(ChannelHandlerContext ctx, int size) {
        rejected = true;
        releasePending();
        LOG.warn("Closing connection {} from {}: request size {} is outside 0..{} ({})", connectionId,
                ctx.channel().remoteAddress(), size, maxFrameBytes, TransportConfig.SOCKET_REQUEST_MAX_BYTES);
        ctx.close();
    }

    /** Adds bytes that were read elsewhere than {@link #readTarget} to the pending ones: a copy. */
    private static ByteBuf append(ByteBufAllocator alloc, ByteBuf pending, ByteBuf in) {
        try {
            if (pending.isWritable(in.readableBytes())) {
                return pending.writeBytes(in);
            }
            ByteBuf merged = alloc.ioBuffer(pending.readableBytes() + in.readableBytes());
            merged.writeBytes(pending).writeBytes(in);
            pending.release();
            return merged;
        } finally {
            in.release();
        }
    }

    private void releasePending() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }
}
