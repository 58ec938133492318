package io.karst.transport.netty.internal;

import io.karst.api.request.Response;
import io.karst.api.request.ResponsePart;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.PromiseCombiner;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a response frame: the int32 size, then each part. Memory parts are wrapped, not copied; file parts
 * become {@link BorrowedFileRegion}s, sent with sendfile on epoll and NIO alike from the log store's own
 * channel, which they never close.
 */
final class ResponseWriter {

    private ResponseWriter() {
    }

    /**
     * Writes without flushing; call on the channel's event loop. {@code whenWritten} succeeds once every
     * part is written and fails as soon as one fails (the frame is then incomplete on the wire).
     *
     * @throws IllegalArgumentException when the response does not fit an int32 size; nothing is written then
     */
    static void write(ChannelHandlerContext ctx, Response.Send send, ChannelPromise whenWritten) {
        long size = send.size();
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("response of " + size + " bytes does not fit a frame");
        }
        List<Object> parts = new ArrayList<>(send.parts().size());
        for (ResponsePart part : send.parts()) {
            parts.add(message(part));
        }
        PromiseCombiner combiner = new PromiseCombiner(ctx.executor());
        combiner.add(ctx.write(ctx.alloc().buffer(Integer.BYTES).writeInt((int) size)));
        for (Object part : parts) {
            combiner.add(ctx.write(part));
        }
        combiner.finish(whenWritten);
    }

    private static Object message(ResponsePart part) {
        if (part instanceof ResponsePart.Bytes bytes) {
            return Unpooled.wrappedBuffer(bytes.buffer());
        }
        ResponsePart.FileRegion region = (ResponsePart.FileRegion) part;
        return new BorrowedFileRegion(region.channel(), region.position(), region.count());
    }
}
