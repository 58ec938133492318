package io.karst.api.request;

import io.karst.api.coordination.Endpoint;

import java.util.List;

/** A running network transport: it accepts Kafka connections and passes frames to the {@link RequestHandler}. */
public interface Transport {

    /** The transport's name, e.g. {@code netty}. */
    String name();

    /** The listeners it is bound to, with the actual port (useful when configured with port 0). */
    List<Endpoint> endpoints();
}
