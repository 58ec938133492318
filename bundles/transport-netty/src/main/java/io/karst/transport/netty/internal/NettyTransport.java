package io.karst.transport.netty.internal;

import io.karst.api.coordination.Endpoint;
import io.karst.api.request.RequestHandler;
import io.karst.api.request.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Kafka listener on Netty: accepts connections on every configured listener, frames requests for the
 * {@link RequestHandler} and writes its responses in order (see {@link ResponseSequencer}). Runs on native
 * epoll when available, else NIO: one acceptor thread and {@code num.network.threads} event loops.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} once (further calls do nothing). Thread-safe.
 */
final class NettyTransport implements Transport, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NettyTransport.class);
    private static final long BIND_TIMEOUT_MS = 10_000;
    private static final long CLOSE_TIMEOUT_MS = 5_000;
    /**
     * Socket reads grow up to 1 MiB, not Netty's 64 KiB, so that a read usually holds whole frames, which
     * are sliced out of it without a copy (a produce request of one 64 KiB batch is a little over 64 KiB).
     */
    private static final int MAX_READ_BYTES = 1 << 20;
    private static final int INITIAL_READ_BYTES = 16 << 10;
    private static final int MIN_READ_BYTES = 512;

    private final TransportConfig config;
    private final RequestHandler handler;
    private final NetworkIo io;
    private final AtomicLong connectionCounter = new AtomicLong();
    private final ChannelGroup connections = new DefaultChannelGroup("karst-connections", GlobalEventExecutor.INSTANCE);
    private final List<Channel> servers = new ArrayList<>();
    private final List<Endpoint> endpoints = new ArrayList<>();
    private EventLoopGroup acceptor;
    private EventLoopGroup network;
    private boolean started;
    private boolean closed;

    public NettyTransport(TransportConfig config, RequestHandler handler) {
        this(config, handler, NetworkIo.best());
    }

    /** With a chosen I/O implementation; for tests that run both. */
    NettyTransport(TransportConfig config, RequestHandler handler, NetworkIo io) {
        this.config = config;
        this.handler = handler;
        this.io = io;
    }

    @Override
    public String name() {
        return "netty";
    }

    /**
     * Binds every listener; on failure closes what was bound.
     *
     * @throws IllegalStateException naming the listener that cannot be bound, or when called twice
     */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("transport already started");
        }
        started = true;
        acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("karst-accept"), io.handlerFactory());
        network = new MultiThreadIoEventLoopGroup(config.numNetworkThreads(), new DefaultThreadFactory("karst-network"),
                io.handlerFactory());
        try {
            for (Endpoint listener : config.listeners()) {
                bind(listener);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The bound listeners, with the actual ports; empty before {@link #start()} and after {@link #close()}. */
    @Override
    public synchronized List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    /** Closes the listeners and every connection, then stops the event loops, waiting a bounded time. */
    @Override
    public synchronized void close() {
        if (closed || !started) {
            closed = true;
            return;
        }
        closed = true;
        endpoints.clear();
        for (Channel server : servers) {
            server.close().awaitUninterruptibly(CLOSE_TIMEOUT_MS);
        }
        servers.clear();
        connections.close().awaitUninterruptibly(CLOSE_TIMEOUT_MS);
        Future<?> acceptorDone = acceptor.shutdownGracefully(0, CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Future<?> networkDone = network.shutdownGracefully(0, CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        if (!acceptorDone.awaitUninterruptibly(2 * CLOSE_TIMEOUT_MS) || !networkDone.awaitUninterruptibly(2 * CLOSE_TIMEOUT_MS)) {
            LOG.warn("Netty event loops did not stop within {} ms", 2 * CLOSE_TIMEOUT_MS);
        }
    }

    private void bind(Endpoint listener) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, network)
                .channel(io.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(
                        MIN_READ_BYTES, INITIAL_READ_BYTES, MAX_READ_BYTES))
                .childHandler(new KafkaChannelInitializer(listener.listenerName(), config, handler, connections, connectionCounter));
        ChannelFuture bound;
        try {
            bound = bootstrap.bind(address(listener));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cannot bind listener " + listener + ": " + e.getMessage(), e);
        }
        if (!bound.awaitUninterruptibly(BIND_TIMEOUT_MS)) {
            bound.channel().close();
            throw new IllegalStateException("cannot bind listener " + listener + ": no answer within " + BIND_TIMEOUT_MS + " ms");
        }
        if (!bound.isSuccess()) {
            throw new IllegalStateException("cannot bind listener " + listener + ": " + bound.cause(), bound.cause());
        }
        Channel server = bound.channel();
        servers.add(server);
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        Endpoint endpoint = new Endpoint(listener.listenerName(), listener.host(), port, listener.securityProtocol());
        endpoints.add(endpoint);
        LOG.info("Listening on {} ({})", endpoint, io);
    }

    /** An empty host means every interface, as in Kafka. */
    private static InetSocketAddress address(Endpoint listener) {
        return listener.host().isEmpty()
                ? new InetSocketAddress(listener.port())
                : new InetSocketAddress(listener.host(), listener.port());
    }
}
