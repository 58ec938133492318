package io.karst.api.request;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * What a network transport calls with each Kafka request frame. The transport owns framing
 * (the 4-byte size prefix, {@code socket.request.max.bytes}) and sends responses in request order
 * per connection; the handler parses, serves and encodes.
 */
public interface RequestHandler {

    /**
     * Serves one request. May be called on a network thread, so it must not block: long work is
     * completed later through the returned stage.
     *
     * @param frame the request without its size prefix (header, then body); valid only until the
     *              returned stage completes, after which the transport may reuse its memory
     */
    CompletionStage<Response> handle(RequestContext context, ByteBuffer frame);

    /** Tells the handler a connection closed, so that it can drop what it kept for it. */
    default void connectionClosed(String connectionId) {
    }
}
