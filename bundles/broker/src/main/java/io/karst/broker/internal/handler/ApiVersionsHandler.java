package io.karst.broker.internal.handler;

import io.karst.api.Errors;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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
        response.set("error_code", Errors.UNSUPPORTED_VERSION.code());
        addRange(response, ApiKeys.API_VERSIONS);
        return response;
    }

    private static void addRange(Struct response, ApiKeys api) {
        response.addElement("api_keys").set("api_key", api.id()).set("min_version", api.minVersion())
                .set("max_version", api.maxVersion());
    }
}
