package io.karst.broker.internal;

import io.karst.protocol.ApiKeys;
import io.karst.protocol.Struct;

import java.util.concurrent.CompletionStage;

/**
 * Serves one API key. Runs on a request thread, or for the data path on a network thread (see
 * {@link RequestDispatcher}), so it must not block on anything but the local disk; it may complete
 * later (long polls, acks=all).
 */
interface ApiHandler {

    ApiKeys api();

    /** The response body, or a stage completing with null when no response is sent (acks=0). */
    CompletionStage<Struct> handle(Request request) throws Exception;
}
