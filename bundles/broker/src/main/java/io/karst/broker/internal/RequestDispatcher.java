package io.karst.broker.internal;

import io.karst.api.request.RequestContext;
import io.karst.api.request.Response;
import io.karst.broker.internal.handler.ApiHandler;
import io.karst.broker.internal.handler.ApiVersionsHandler;
import io.karst.broker.internal.handler.Request;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.ProtocolException;
import io.karst.protocol.RequestHeader;
import io.karst.protocol.Struct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Parses a request frame on the calling (network) thread, runs its API's handler, and encodes the
 * answer. A request whose handler allows it (Produce and Fetch to partitions already open, see
 * {@link ApiHandler#servesOnNetworkThread}) is served right there on the network thread when the
 * connection has nothing else in flight; every other request runs on a request thread. A
 * connection's requests are served one after the other, as Kafka does: an idempotent producer with
 * five requests in flight relies on its batches being appended in the order sent. A frame that
 * cannot be read, an unknown API key or an unsupported version closes the connection (the
 * transport logs why); ApiVersions at an unknown version gets a v0 answer instead, so that clients
 * can fall back.
 */
final class RequestDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

    private final Map<ApiKeys, ApiHandler> handlers = new EnumMap<>(ApiKeys.class);
    private final Executor requestThreads;
    private final RequestMetricsRecorder metrics;
    /** The last request of each connection still being served; the next one starts after it. */
    private final Map<String, CompletableFuture<Response>> inFlight = new ConcurrentHashMap<>();

    RequestDispatcher(List<ApiHandler> handlers, Executor requestThreads, RequestMetricsRecorder metrics) {
        for (ApiHandler h : handlers) {
            this.handlers.put(h.api(), h);
        }
        this.requestThreads = requestThreads;
        this.metrics = metrics;
    }

    CompletionStage<Response> dispatch(RequestContext context, ByteBuffer frame) {
        long arrival = System.nanoTime();
        ByteBuffer buf = frame.duplicate();
        RequestHeader header;
        Struct body;
        try {
            header = RequestHeader.read(buf);
            if (header.apiKey() == ApiKeys.API_VERSIONS.id() && header.api() != null
                    && !header.api().isVersionSupported(header.apiVersion())) {
                return CompletableFuture.completedFuture(send(ApiKeys.API_VERSIONS, 0, header.correlationId(),
                        ApiVersionsHandler.unsupportedVersion()));
            }
            if (header.api() == null || !header.api().isVersionSupported(header.apiVersion())
                    || !handlers.containsKey(header.api())) {
                return close(context, "unsupported API key " + header.apiKey() + " version " + header.apiVersion());
            }
            body = Protocol.readRequest(header, buf);
        } catch (ProtocolException e) {
            return close(context, "unreadable request: " + e.getMessage());
        }
        Request request = new Request(context, header, body);
        ApiHandler handler = handlers.get(header.api());
        String connection = context.connectionId();
        CompletableFuture<Response> previous = inFlight.get(connection);
        CompletableFuture<Struct> served;
        // Handing a request to a request thread and its answer back costs two thread wake-ups: under
        // ProducerPerformance on 2 cores, the broker's largest cost after the kernel's page-cache copy.
        if ((previous == null || previous.isDone()) && handler.servesOnNetworkThread(request)) {
            served = invoke(handler, request);
        } else {
            CompletableFuture<Void> turn = previous == null ? CompletableFuture.completedFuture(null)
                    : previous.handle((r, e) -> null);
            served = turn.thenComposeAsync(ignored -> invoke(handler, request), requestThreads);
        }
        CompletableFuture<Response> result = served
                .thenApply(response -> {
                    metrics.completed(request, response, System.nanoTime() - arrival);
                    return response == null ? Response.NONE
                            : send(header.api(), header.apiVersion(), header.correlationId(), response);
                });
        inFlight.put(connection, result);
        result.whenComplete((r, e) -> inFlight.remove(connection, result));
        return result;
    }

    /** Forgets a closed connection's queue. */
    void connectionClosed(String connectionId) {
        inFlight.remove(connectionId);
    }

    private static CompletableFuture<Struct> invoke(ApiHandler handler, Request request) {
        try {
            return handler.handle(request).toCompletableFuture();
        } catch (Exception e) {
            LOG.warn("{} v{} from {} failed", request.header().api(), request.version(),
                    request.context().remoteAddress(), e);
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Response send(ApiKeys api, int version, int correlationId, Struct body) {
        return new Response.Send(Protocol.writeResponse(api, version, correlationId, body));
    }

    private static CompletionStage<Response> close(RequestContext context, String reason) {
        return CompletableFuture.completedFuture(new Response.Close(reason + " from " + context.remoteAddress()));
    }
}
