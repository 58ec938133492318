package io.karst.transport.netty.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes a connection when the {@link io.netty.handler.timeout.IdleStateHandler} before it reports it idle. */
final class IdleConnectionCloser extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(IdleConnectionCloser.class);

    private final String connectionId;
    private final long idleMs;

    IdleConnectionCloser(String connectionId, long idleMs) {
        this.connectionId = connectionId;
        this.idleMs = idleMs;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            LOG.debug("Closing connection {}: idle for {} ms ({})", connectionId, idleMs, TransportConfig.CONNECTIONS_MAX_IDLE_MS);
            ctx.close();
        } else {
            super.userEventTriggered(ctx, event);
        }
    }
}
