package io.karst.broker.internal.handler;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.coordination.TopicDescription;
import io.karst.broker.internal.TopicConfig;
import io.karst.broker.internal.TopicManager;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Struct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static io.karst.protocol.messages.AlterConfigsMessage.NAME;
import static io.karst.protocol.messages.AlterConfigsMessage.VALUE;
import static io.karst.protocol.messages.IncrementalAlterConfigsMessage.CONFIGS;
import static io.karst.protocol.messages.IncrementalAlterConfigsMessage.CONFIG_OPERATION;
import static io.karst.protocol.messages.IncrementalAlterConfigsMessage.RESOURCES;

/**
 * IncrementalAlterConfigs: per topic key, SET (0) an override, DELETE (1) it back to the default, or
 * APPEND (2) to / SUBTRACT (3) from a list value ({@code cleanup.policy}); the result is checked and
 * applied live. Unknown keys and bad values are INVALID_CONFIG naming the key. Broker configs are read-only.
 */
public final class IncrementalAlterConfigsHandler implements ApiHandler {
    private static final byte SET = 0;
    private static final byte DELETE = 1;
    private static final byte APPEND = 2;
    private static final byte SUBTRACT = 3;

    private final TopicManager topics;

    public IncrementalAlterConfigsHandler(TopicManager topics) {
        this.topics = topics;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.INCREMENTAL_ALTER_CONFIGS;
    }

    @Override
    public CompletionStage<Struct> handle(Request request) {
        return CompletableFuture.completedFuture(TopicConfigAlteration.alterEach(request, RESOURCES, topics,
                (name, resource) -> {
                    TopicDescription topic = topics.describe(name).orElseThrow(() -> new KarstException(
                            Errors.UNKNOWN_TOPIC_OR_PARTITION, "Topic '" + name + "' does not exist."));
                    return apply(topic.configs(), resource.get(CONFIGS));
                }));
    }

    /** The overrides after the operations. */
    private Map<String, String> apply(Map<String, String> current, List<Struct> operations) {
        Map<String, String> overrides = new HashMap<>(current);
        Set<String> seen = new HashSet<>();
        for (Struct operation : operations) {
            String key = operation.get(NAME);
            String value = operation.get(VALUE);
            byte op = operation.getByte(CONFIG_OPERATION);
            if (!seen.add(key)) {
                throw new KarstException(Errors.INVALID_REQUEST, "Error due to duplicate config keys: " + key);
            }
            TopicConfig config = TopicConfig.forKey(key).orElseThrow(() -> new KarstException(Errors.INVALID_CONFIG,
                    "Unknown topic config name: " + key));
            switch (op) {
                case SET -> overrides.put(key, TopicConfigAlteration.requireValue(key, value));
                case DELETE -> overrides.remove(key);
                case APPEND, SUBTRACT -> {
                    if (!config.isList()) {
                        throw new KarstException(Errors.INVALID_CONFIG, "Config value append is not allowed for config key: " + key);
                    }
                    String currentValue = overrides.getOrDefault(key, TopicConfig.format(topics.configDefaults().get(config)));
                    overrides.put(key, edit(currentValue, TopicConfigAlteration.requireValue(key, value), op == APPEND));
                }
                default -> throw new KarstException(Errors.INVALID_REQUEST, "Unknown config operation " + op + " for " + key);
            }
        }
        return overrides;
    }

    /** A comma-separated list with the items of {@code change} added or removed. */
    private static String edit(String list, String change, boolean add) {
        List<String> items = new ArrayList<>(split(list));
        for (String item : split(change)) {
            if (add && !items.contains(item)) {
                items.add(item);
            } else if (!add) {
                items.remove(item);
            }
        }
        return String.join(",", items);
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
