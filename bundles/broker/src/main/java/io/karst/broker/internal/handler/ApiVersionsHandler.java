package io.karst.broker.internal.handler;

import io.karst.api.Errors;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static io.karst.protocol.messages.ApiVersionsMessage.API_KEY;
import static io.karst.protocol.messages.ApiVersionsMessage.API_KEYS;
import static io.karst.protocol.messages.ApiVersionsMessage.ERROR_CODE;
import static io.karst.protocol.messages.ApiVersionsMessage.MAX_VERSION;
import static io.karst.protocol.messages.ApiVersionsMessage.MIN_VERSION;

/** ApiVersions: every API Karst serves with its version range. */
public final class ApiVersionsHandler implements ApiHandler {

    @Override
    public ApiKeys api() {
        return ApiKeys.API_VERSIONS;
    }

    @Override
    public CompletionStage<Struct> handle(Request request) {
        Struct response = Protocol.newResponse(ApiKeys.API_VERSIONS, request.version());
        for (ApiKeys api : ApiKeys.values()) {
            addRange(response, api);
        }
        return CompletableFuture.completedFuture(response);
    }

    /**
     * The answer to ApiVersions at a version Karst does not know: a v0 body with
     * UNSUPPORTED_VERSION listing ApiVersions' own range, so that the client retries with one it knows.
     */
    public static Struct unsupportedVersion() {
        Struct response = Protocol.newResponse(ApiKeys.API_VERSIONS, 0);
        response.set(ERROR_CODE, Errors.UNSUPPORTED_VERSION.code());
        addRange(response, ApiKeys.API_VERSIONS);
        return response;
    }

    private static void addRange(Struct response, ApiKeys api) {
        response.addElement(API_KEYS).set(API_KEY, api.id()).set(MIN_VERSION, api.minVersion())
                .set(MAX_VERSION, api.maxVersion());
    }
}
