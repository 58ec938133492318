package io.karst.broker.internal.handler;

import java.nio.ByteBuffer;

/** What the group handlers take from a request: copies of opaque bytes, the client's id and address. */
final class GroupRequests {
    private GroupRequests() {
    }

    /** A copy: request bytes are views of a frame the transport may reuse. */
    static byte[] copy(ByteBuffer view) {
        if (view == null) {
            return new byte[0];
        }
        byte[] bytes = new byte[view.remaining()];
        view.duplicate().get(bytes);
        return bytes;
    }

    static String clientId(Request request) {
        String id = request.header().clientId();
        return id == null ? "" : id;
    }

    /** The client's address as Kafka shows it ({@code /127.0.0.1}). */
    static String clientHost(Request request) {
        return "/" + request.context().remoteAddress().getAddress().getHostAddress();
    }
}
