package io.karst.broker.internal;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * AlterConfigs (the legacy, whole-set API): a topic's overrides become exactly the configs given, checked
 * and applied live; keys left out return to their defaults. Broker configs are read-only here.
 */
final class AlterConfigsHandler implements ApiHandler {
    private static final Logger LOG = LoggerFactory.getLogger(AlterConfigsHandler.class);

    private final TopicManager topics;

    AlterConfigsHandler(TopicManager topics) {
        this.topics = topics;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.ALTER_CONFIGS;
    }

    @Override
    public CompletionStage<Struct> handle(Request request) {
        Struct response = Protocol.newResponse(ApiKeys.ALTER_CONFIGS, request.version());
        boolean validateOnly = request.body().getBoolean("validate_only");
        for (Struct resource : request.body().getStructs("resources")) {
            byte type = resource.getByte("resource_type");
            String name = resource.getString("resource_name");
            Struct result = response.addElement("responses").set("resource_type", type).set("resource_name", name);
            try {
                ConfigResource.checkAlterable(type, name);
                Map<String, String> configs = new HashMap<>();
                for (Struct config : resource.getStructs("configs")) {
                    String key = config.getString("name");
                    String value = config.getString("value");
                    if (value == null) {
                        throw new KarstException(Errors.INVALID_REQUEST, "Null value not supported for topic config " + key);
                    }
                    if (configs.put(key, value) != null) {
                        throw new KarstException(Errors.INVALID_REQUEST, "Config " + key + " is given twice");
                    }
                }
                topics.alterConfigs(name, configs, validateOnly);
            } catch (KarstException e) {
                LOG.info("Did not alter the configs of {}: {}", name, e.getMessage());
                result.set("error_code", e.error().code()).set("error_message", e.getMessage());
            }
        }
        return CompletableFuture.completedFuture(response);
    }
}
