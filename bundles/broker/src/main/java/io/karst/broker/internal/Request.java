package io.karst.broker.internal;

import io.karst.api.request.RequestContext;
import io.karst.protocol.RequestHeader;
import io.karst.protocol.Struct;

/** A parsed request: where it came from, its header and its body. */
record Request(RequestContext context, RequestHeader header, Struct body) {
    int version() {
        return header.apiVersion();
    }
}
