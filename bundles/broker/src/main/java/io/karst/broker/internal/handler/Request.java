package io.karst.broker.internal.handler;

import io.karst.api.request.RequestContext;
import io.karst.protocol.RequestHeader;
import io.karst.protocol.Struct;

/** A parsed request: where it came from, its header and its body. */
public record Request(RequestContext context, RequestHeader header, Struct body) {
    public int version() {
        return header.apiVersion();
    }
}
