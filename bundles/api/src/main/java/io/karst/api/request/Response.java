package io.karst.api.request;

import java.util.List;

/** What the transport does after a request: send a frame, send nothing, or close the connection. */
public sealed interface Response {

    /**
     * A response frame; the transport writes the 4-byte size, then the parts in order. The parts
     * hold the header and body, not the size.
     */
    record Send(List<ResponsePart> parts) implements Response {
        public Send {
            parts = List.copyOf(parts);
        }

        public long size() {
            long size = 0;
            for (ResponsePart p : parts) {
                size += p.size();
            }
            return size;
        }
    }

    /** No response: an acks=0 produce. */
    record None() implements Response {
    }

    /** Close the connection (an unknown API key or version, an unreadable frame). */
    record Close(String reason) implements Response {
    }

    Response NONE = new None();
}
