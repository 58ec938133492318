package io.karst.broker.internal.handler;

import io.karst.protocol.ApiKeys;
import io.karst.protocol.Struct;

import java.util.concurrent.CompletionStage;

/** Serves one API key, on a request thread unless it says otherwise; may complete later (long polls, acks=all). */
public interface ApiHandler {

    ApiKeys api();

    /**
     * Whether this request may be served on the network thread that read it, which saves handing it to a
     * request thread and its answer back. Only when serving it reads and writes nothing but memory and the
     * page cache: no fsync, no opening of files, no coordinator round trip.
     */
    default boolean servesOnNetworkThread(Request request) {
        return false;
    }

    /** The response body, or a stage completing with null when no response is sent (acks=0). */
    CompletionStage<Struct> handle(Request request) throws Exception;
}
