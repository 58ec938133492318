package io.karst.transport.netty.internal;

import io.karst.api.request.RequestContext;
import io.karst.api.request.RequestHandler;
import io.karst.api.request.Response;
import io.karst.api.request.ResponsePart;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A request handler driven by the first byte of each frame:
 * {@code E} echoes the frame, {@code D} waits for the test to complete it, {@code N} answers nothing,
 * {@code C} closes, {@code X} fails its stage, {@code F} answers "F" and then
 * {@code count} bytes of {@link #file} from {@code position} (two int64 after the command byte); any other byte makes {@code handle} throw.
 */
final class ScriptedHandler implements RequestHandler {

    final BlockingQueue<CompletableFuture<Response>> delayed = new LinkedBlockingQueue<>();
    final BlockingQueue<RequestContext> contexts = new LinkedBlockingQueue<>();
    final BlockingQueue<String> closedConnections = new LinkedBlockingQueue<>();
    final AtomicInteger requests = new AtomicInteger();
    volatile Path file;
    volatile FileChannel channel;

    @Override
    public CompletionStage<Response> handle(RequestContext context, ByteBuffer frame) {
        requests.incrementAndGet();
        contexts.add(context);
        byte command = frame.get(frame.position());
        switch (command) {
            case 'E':
                return CompletableFuture.completedFuture(send(copy(frame)));
            case 'D':
                CompletableFuture<Response> later = new CompletableFuture<>();
                delayed.add(later);
                return later;
            case 'N':
                return CompletableFuture.completedFuture(Response.NONE);
            case 'C':
                return CompletableFuture.completedFuture(new Response.Close("the test asked to close"));
            case 'X':
                return CompletableFuture.failedFuture(new IllegalStateException("the test asked to fail"));
            case 'F':
                long position = frame.getLong(frame.position() + 1);
                long count = frame.getLong(frame.position() + 9);
                return CompletableFuture.completedFuture(new Response.Send(List.of(
                        new ResponsePart.Bytes(ByteBuffer.wrap(new byte[] {'F'})),
                        new ResponsePart.FileRegion(file, channel, position, count))));
            default:
                throw new IllegalArgumentException("unknown command " + (char) command);
        }
    }

    @Override
    public void connectionClosed(String connectionId) {
        closedConnections.add(connectionId);
    }

    static Response send(byte[] payload) {
        return new Response.Send(List.of(new ResponsePart.Bytes(ByteBuffer.wrap(payload))));
    }

    /** The next delayed request, waiting a bounded time for it to arrive. */
    CompletableFuture<Response> nextDelayed() throws InterruptedException {
        CompletableFuture<Response> future = delayed.poll(5, TimeUnit.SECONDS);
        if (future == null) {
            throw new AssertionError("no delayed request arrived within 5 s");
        }
        return future;
    }

    /** The frame's bytes: the transport may reuse the frame's memory once the stage completes. */
    private static byte[] copy(ByteBuffer frame) {
        byte[] bytes = new byte[frame.remaining()];
        frame.duplicate().get(bytes);
        return bytes;
    }
}
