package io.karst.transport.netty.internal;

import io.karst.api.request.RequestContext;
import io.karst.api.request.RequestHandler;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Builds the pipeline of each connection accepted on one listener. */
final class KafkaChannelInitializer extends ChannelInitializer<Channel> {

    private final String listenerName;
    private final TransportConfig config;
    private final RequestHandler handler;
    private final ChannelGroup connections;
    private final AtomicLong connectionCounter;

    /**
     * @param connections       where every accepted connection is tracked, to close them all on shutdown
     * @param connectionCounter shared by the transport's listeners, to make connection ids unique
     */
    KafkaChannelInitializer(String listenerName, TransportConfig config, RequestHandler handler,
                            ChannelGroup connections, AtomicLong connectionCounter) {
        this.listenerName = listenerName;
        this.config = config;
        this.handler = handler;
        this.connections = connections;
        this.connectionCounter = connectionCounter;
    }

    @Override
    protected void initChannel(Channel channel) {
        InetSocketAddress local = (InetSocketAddress) channel.localAddress();
        InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
        String connectionId = address(local) + "-" + address(remote) + "-" + connectionCounter.getAndIncrement();
        RequestContext context = new RequestContext(connectionId, listenerName, local, remote);
        long idleMs = config.connectionsMaxIdleMs();
        FrameDecoder frames = new FrameDecoder(config.socketRequestMaxBytes(), connectionId);
        // Reads that continue a started frame go straight into its buffer; read sizes stay the listener's.
        channel.config().setRecvByteBufAllocator(new FrameReadAllocator(channel.config().getRecvByteBufAllocator(), frames));
        channel.pipeline()
                // Batches the flushes of responses completed close together into fewer syscalls.
                .addLast("flush", new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true))
                .addLast("idle", new IdleStateHandler(0, 0, idleMs, TimeUnit.MILLISECONDS))
                .addLast("idleCloser", new IdleConnectionCloser(connectionId, idleMs))
                .addLast("frames", frames)
                .addLast("requests", new ResponseSequencer(handler, context));
        connections.add(channel);
    }

    private static String address(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
