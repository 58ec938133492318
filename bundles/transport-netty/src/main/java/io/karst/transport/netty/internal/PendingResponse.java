package io.karst.transport.netty.internal;

import io.karst.api.request.Response;
import io.netty.buffer.ByteBuf;

/**
 * One request awaiting its turn to be answered: the request frame (kept until the response is written, as
 * the handler may still read it) and, once the handler's stage completes, its outcome. Touched only on the
 * connection's event loop.
 */
final class PendingResponse {

    private final ByteBuf frame;
    private boolean done;
    private Response response;
    private Throwable failure;

    PendingResponse(ByteBuf frame) {
        this.frame = frame;
    }

    void complete(Response response, Throwable failure) {
        this.done = true;
        this.response = response;
        this.failure = failure;
    }

    boolean isDone() {
        return done;
    }

    /** The response, or null when the stage failed. */
    Response response() {
        return response;
    }

    /** Why the stage failed, or null. */
    Throwable failure() {
        return failure;
    }

    /** Frees the request frame. */
    void release() {
        frame.release();
    }

    /** Frees the request frame if the handler is done with it; for dropping requests of a closed connection. */
    boolean releaseIfDone() {
        if (done) {
            frame.release();
        }
        return done;
    }
}
