package io.karst.broker.internal;

import io.karst.api.request.RequestContext;
import io.karst.api.request.Response;
import io.karst.broker.internal.handler.ApiHandler;
import io.karst.broker.internal.handler.Request;
import io.karst.broker.internal.metrics.BrokerMetrics;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which thread serves a request, and that a connection's requests still run one after the other. */
class RequestDispatcherTest {
    private static final RequestContext CONNECTION = new RequestContext("c1", "PLAINTEXT",
            new InetSocketAddress("127.0.0.1", 9092), new InetSocketAddress("127.0.0.1", 40000));

    private final ExecutorService requestThreads = Executors.newSingleThreadExecutor(r -> new Thread(r, "request-thread"));
    private final List<String> served = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Struct> createTopicsAnswer = new CompletableFuture<>();
    private BrokerMetrics metrics;
    private RequestDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        metrics = new BrokerMetrics();
        dispatcher = new RequestDispatcher(List.of(
                recording(ApiKeys.PRODUCE, true, CompletableFuture.completedFuture(Protocol.newResponse(ApiKeys.PRODUCE, 7))),
                recording(ApiKeys.CREATE_TOPICS, false, createTopicsAnswer)),
                requestThreads, new RequestMetricsRecorder(metrics));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        requestThreads.shutdownNow();
        assertTrue(requestThreads.awaitTermination(10, TimeUnit.SECONDS));
        metrics.close();
    }

    @Test
    void aRequestItsHandlerAllowsIsServedOnTheNetworkThreadThatReadIt() throws Exception {
        CompletionStage<Response> answer = dispatcher.dispatch(CONNECTION, frame(ApiKeys.PRODUCE, 7, 1));

        assertInstanceOf(Response.Send.class, answer.toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertEquals(List.of("PRODUCE on " + Thread.currentThread().getName()), served);
    }

    @Test
    void otherRequestsAreServedOnARequestThread() throws Exception {
        createTopicsAnswer.complete(Protocol.newResponse(ApiKeys.CREATE_TOPICS, 4));
        CompletionStage<Response> answer = dispatcher.dispatch(CONNECTION, frame(ApiKeys.CREATE_TOPICS, 4, 1));

        assertInstanceOf(Response.Send.class, answer.toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertEquals(List.of("CREATE_TOPICS on request-thread"), served);
    }

    @Test
    void aRequestWaitsForTheConnectionsRequestBeforeIt() throws Exception {
        CompletionStage<Response> first = dispatcher.dispatch(CONNECTION, frame(ApiKeys.CREATE_TOPICS, 4, 1));
        CompletionStage<Response> second = dispatcher.dispatch(CONNECTION, frame(ApiKeys.PRODUCE, 7, 2));
        // the request thread runs its tasks in order: once this one ran, a wrongly eager produce would have too
        requestThreads.submit(() -> { }).get(10, TimeUnit.SECONDS);
        assertFalse(second.toCompletableFuture().isDone());
        assertEquals(List.of("CREATE_TOPICS on request-thread"), served);

        createTopicsAnswer.complete(Protocol.newResponse(ApiKeys.CREATE_TOPICS, 4));

        first.toCompletableFuture().get(10, TimeUnit.SECONDS);
        second.toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(List.of("CREATE_TOPICS on request-thread", "PRODUCE on request-thread"), served);
    }

    private ApiHandler recording(ApiKeys api, boolean onNetworkThread, CompletableFuture<Struct> answer) {
        return new ApiHandler() {
            @Override
            public ApiKeys api() {
                return api;
            }

            @Override
            public boolean servesOnNetworkThread(Request request) {
                return onNetworkThread;
            }

            @Override
            public CompletionStage<Struct> handle(Request request) {
                served.add(api + " on " + Thread.currentThread().getName());
                return answer;
            }
        };
    }

    private static ByteBuffer frame(ApiKeys api, int version, int correlationId) {
        return Protocol.writeRequest(api, version, correlationId, "test", Protocol.newRequest(api, version));
    }
}
