package io.karst.api.request;

import java.net.InetSocketAddress;

/**
 * Where a request came from.
 *
 * @param connectionId  unique per connection, for logs
 * @param listenerName  the listener that accepted it, e.g. {@code PLAINTEXT}
 * @param localAddress  the address and port the client connected to
 * @param remoteAddress the client's address
 */
public record RequestContext(String connectionId, String listenerName, InetSocketAddress localAddress,
                             InetSocketAddress remoteAddress) {
}
