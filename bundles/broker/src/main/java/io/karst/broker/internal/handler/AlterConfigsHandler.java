package io.karst.broker.internal.handler;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.broker.internal.TopicManager;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Struct;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static io.karst.protocol.messages.AlterConfigsMessage.CONFIGS;
import static io.karst.protocol.messages.AlterConfigsMessage.NAME;
import static io.karst.protocol.messages.AlterConfigsMessage.RESOURCES;
import static io.karst.protocol.messages.AlterConfigsMessage.VALUE;

/**
 * AlterConfigs (the legacy, whole-set API): a topic's overrides become exactly the configs given, checked
 * and applied live; keys left out return to their defaults. Broker configs are read-only here.
 */
public final class AlterConfigsHandler implements ApiHandler {
    private final TopicManager topics;

    public AlterConfigsHandler(TopicManager topics) {
        this.topics = topics;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.ALTER_CONFIGS;
    }

    @Override
    public CompletionStage<Struct> handle(Request request) {
        return CompletableFuture.completedFuture(TopicConfigAlteration.alterEach(request, RESOURCES, topics,
                AlterConfigsHandler::overrides));
    }

    /** The configs given, as the topic's whole set of overrides. */
    private static Map<String, String> overrides(String topic, Struct resource) {
        Map<String, String> configs = new HashMap<>();
        for (Struct config : resource.get(CONFIGS)) {
            String key = config.get(NAME);
            if (configs.put(key, TopicConfigAlteration.requireValue(key, config.get(VALUE))) != null) {
                throw new KarstException(Errors.INVALID_REQUEST, "Config " + key + " is given twice");
            }
        }
        return configs;
    }
}
