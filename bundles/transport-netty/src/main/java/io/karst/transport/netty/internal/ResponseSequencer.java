package io.karst.transport.netty.internal;

import io.karst.api.request.RequestContext;
import io.karst.api.request.RequestHandler;
import io.karst.api.request.Response;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.EventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

/**
 * Hands each frame of one connection to the {@link RequestHandler} and writes the responses in request
 * order, whatever order the handler's stages complete in: requests wait in a queue, and whenever the head
 * is done it is written and the next one looked at. Stops reading while too many requests wait or the
 * socket cannot take more, so a fast client cannot pile up unbounded work. All state is confined to the
 * connection's event loop.
 */
final class ResponseSequencer extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseSequencer.class);

    /** Requests waiting for their response above which the connection stops reading. */
    static final int MAX_PENDING_REQUESTS = 100;

    private final RequestHandler handler;
    private final RequestContext context;
    private final Queue<PendingResponse> pending = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private boolean closing;

    ResponseSequencer(RequestHandler handler, RequestContext context) {
        this.handler = handler;
        this.context = context;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        if (closing) {
            frame.release();
            return;
        }
        PendingResponse request = new PendingResponse(frame);
        pending.add(request);
        // The frame decoder emits slices of one contiguous buffer, so this is a view, not a copy.
        handle(frame.nioBuffer()).whenComplete((response, failure) -> onCompletion(request, response, failure));
        updateAutoRead();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        updateAutoRead();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        pending.removeIf(PendingResponse::releaseIfDone);
        try {
            handler.connectionClosed(context.connectionId());
        } catch (RuntimeException e) {
            LOG.warn("Request handler failed on the close of connection {}", context.connectionId(), e);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("Closing connection {}: {}", context.connectionId(), cause.toString());
        } else {
            LOG.warn("Closing connection {}: {}", context.connectionId(), cause.toString(), cause);
        }
        ctx.close();
    }

    private CompletionStage<Response> handle(ByteBuffer frame) {
        try {
            CompletionStage<Response> stage = handler.handle(context, frame);
            return stage != null ? stage : CompletableFuture.failedFuture(new NullPointerException("the request handler returned no stage"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Called on whatever thread completes the stage; hops to the event loop. */
    private void onCompletion(PendingResponse request, Response response, Throwable failure) {
        EventExecutor loop = ctx.executor();
        if (loop.inEventLoop()) {
            complete(request, response, failure);
            return;
        }
        try {
            loop.execute(() -> complete(request, response, failure));
        } catch (RejectedExecutionException e) {
            // The transport is shut down and the connection gone: only the frame is left to free.
            request.release();
        }
    }

    private void complete(PendingResponse request, Response response, Throwable failure) {
        request.complete(response, failure);
        boolean wrote = false;
        while (!closing && !pending.isEmpty() && pending.peek().isDone()) {
            wrote |= respond(pending.poll());
        }
        if (closing) {
            pending.removeIf(PendingResponse::releaseIfDone);
        }
        if (wrote) {
            ctx.flush();
        }
        updateAutoRead();
    }

    /** Acts on one completed request; returns whether anything was written. */
    private boolean respond(PendingResponse request) {
        Response response = request.response();
        if (request.failure() != null || response == null) {
            request.release();
            String why = request.failure() != null ? request.failure().toString() : "the handler completed with no response";
            LOG.warn("Closing connection {}: a request failed: {}", context.connectionId(), why);
            closeAfterWrites();
            return false;
        }
        if (response instanceof Response.Send send) {
            ChannelPromise written = ctx.newPromise();
            written.addListener((ChannelFutureListener) future -> {
                request.release();
                if (!future.isSuccess() && future.channel().isActive()) {
                    LOG.warn("Closing connection {}: cannot write a response: {}", context.connectionId(), future.cause().toString());
                    future.channel().close();
                }
            });
            try {
                ResponseWriter.write(ctx, send, written);
            } catch (RuntimeException e) {
                written.tryFailure(e);
            }
            return true;
        }
        request.release();
        if (response instanceof Response.Close close) {
            LOG.info("Closing connection {}: {}", context.connectionId(), close.reason());
            closeAfterWrites();
        }
        return false;
    }

    /** Closes once everything written so far has left, dropping the requests still waiting. */
    private void closeAfterWrites() {
        closing = true;
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    private void updateAutoRead() {
        ChannelConfig config = ctx.channel().config();
        boolean read = !closing && pending.size() <= MAX_PENDING_REQUESTS && ctx.channel().isWritable();
        if (config.isAutoRead() != read) {
            config.setAutoRead(read);
        }
    }
}
