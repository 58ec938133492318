package io.karst.transport.netty.internal;

import io.karst.api.request.RequestContext;
import io.karst.api.request.Response;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseSequencerTest {

    private static final RequestContext CONTEXT = new RequestContext("test-connection", "PLAINTEXT",
            new InetSocketAddress("127.0.0.1", 9092), new InetSocketAddress("127.0.0.1", 50000));

    private final ScriptedHandler handler = new ScriptedHandler();
    private final EmbeddedChannel channel = new EmbeddedChannel(new ResponseSequencer(handler, CONTEXT));

    @Test
    void stopsReadingWhileTooManyRequestsWaitAndResumesWhenDrained() throws Exception {
        List<ByteBuf> frames = new ArrayList<>();
        for (int i = 0; i <= ResponseSequencer.MAX_PENDING_REQUESTS; i++) {
            frames.add(Unpooled.copiedBuffer("D", StandardCharsets.US_ASCII));
        }
        for (int i = 0; i < ResponseSequencer.MAX_PENDING_REQUESTS; i++) {
            channel.writeInbound(frames.get(i));
        }
        assertThat(channel.config().isAutoRead()).isTrue();

        channel.writeInbound(frames.get(ResponseSequencer.MAX_PENDING_REQUESTS));
        assertThat(channel.config().isAutoRead()).isFalse();

        handler.nextDelayed().complete(Response.NONE);
        channel.runPendingTasks();
        assertThat(channel.config().isAutoRead()).isTrue();
    }

    @Test
    void releasesTheFrameOnlyOnceTheResponseIsDone() throws Exception {
        ByteBuf frame = Unpooled.copiedBuffer("D", StandardCharsets.US_ASCII);
        channel.writeInbound(frame);
        CompletableFuture<Response> stage = handler.nextDelayed();
        assertThat(frame.refCnt()).isEqualTo(1);

        stage.complete(ScriptedHandler.send("ok".getBytes(StandardCharsets.US_ASCII)));
        channel.runPendingTasks();

        assertThat(frame.refCnt()).isZero();
        assertThat(readOutbound()).isEqualTo(TestClient.frame("ok".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void framesOfAClosedConnectionAreReleasedWhenTheirStagesComplete() throws Exception {
        ByteBuf frame = Unpooled.copiedBuffer("D", StandardCharsets.US_ASCII);
        channel.writeInbound(frame);
        CompletableFuture<Response> stage = handler.nextDelayed();

        channel.close();
        assertThat(frame.refCnt()).isEqualTo(1);
        stage.complete(Response.NONE);
        channel.runPendingTasks();

        assertThat(frame.refCnt()).isZero();
        assertThat(handler.closedConnections).containsExactly("test-connection");
    }

    private byte[] readOutbound() {
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf part; (part = channel.readOutbound()) != null; ) {
            all.writeBytes(part);
            part.release();
        }
        byte[] bytes = new byte[all.readableBytes()];
        all.readBytes(bytes);
        return bytes;
    }
}
