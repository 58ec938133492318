package io.karst.broker.internal;

import io.karst.api.coordination.Endpoint;
import io.karst.api.request.RequestContext;

import java.util.List;

/**
 * The address clients are told to use: the advertised listener of the connection's listener
 * when configured, otherwise the very address the client connected to.
 */
public final class AdvertisedEndpoints {
    private final List<Endpoint> advertised;

    AdvertisedEndpoints(List<Endpoint> advertised) {
        this.advertised = advertised;
    }

    public Endpoint forConnection(RequestContext context) {
        for (Endpoint e : advertised) {
            if (e.listenerName().equals(context.listenerName())) {
                return e;
            }
        }
        if (!advertised.isEmpty()) {
            return advertised.get(0);
        }
        return new Endpoint(context.listenerName(), context.localAddress().getAddress().getHostAddress(),
                context.localAddress().getPort(), context.listenerName());
    }
}
