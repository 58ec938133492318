package io.karst.broker.internal.handler;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.api.coordination.TopicDescription;
import io.karst.broker.internal.BrokerConfig;
import io.karst.broker.internal.TopicConfig;
import io.karst.broker.internal.TopicManager;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static io.karst.protocol.messages.DescribeConfigsMessage.CONFIGS;
import static io.karst.protocol.messages.DescribeConfigsMessage.CONFIGURATION_KEYS;
import static io.karst.protocol.messages.DescribeConfigsMessage.CONFIG_SOURCE;
import static io.karst.protocol.messages.DescribeConfigsMessage.ERROR_CODE;
import static io.karst.protocol.messages.DescribeConfigsMessage.ERROR_MESSAGE;
import static io.karst.protocol.messages.DescribeConfigsMessage.INCLUDE_SYNONYMS;
import static io.karst.protocol.messages.DescribeConfigsMessage.IS_SENSITIVE;
import static io.karst.protocol.messages.DescribeConfigsMessage.NAME;
import static io.karst.protocol.messages.DescribeConfigsMessage.READ_ONLY;
import static io.karst.protocol.messages.DescribeConfigsMessage.RESOURCES;
import static io.karst.protocol.messages.DescribeConfigsMessage.RESOURCE_NAME;
import static io.karst.protocol.messages.DescribeConfigsMessage.RESOURCE_TYPE;
import static io.karst.protocol.messages.DescribeConfigsMessage.RESULTS;
import static io.karst.protocol.messages.DescribeConfigsMessage.SOURCE;
import static io.karst.protocol.messages.DescribeConfigsMessage.SYNONYMS;
import static io.karst.protocol.messages.DescribeConfigsMessage.VALUE;

/**
 * DescribeConfigs: every supported key of a topic with its effective value, from its own override
 * (source DYNAMIC_TOPIC_CONFIG) or the broker's default (DEFAULT_CONFIG); and this broker's settings,
 * read-only (STATIC_BROKER_CONFIG). With include_synonyms a topic key also lists its broker-level default.
 */
public final class DescribeConfigsHandler implements ApiHandler {
    private final BrokerConfig config;
    private final TopicManager topics;

    public DescribeConfigsHandler(BrokerConfig config, TopicManager topics) {
        this.config = config;
        this.topics = topics;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.DESCRIBE_CONFIGS;
    }

    @Override
    public CompletionStage<Struct> handle(Request request) {
        Struct response = Protocol.newResponse(ApiKeys.DESCRIBE_CONFIGS, request.version());
        boolean synonyms = request.body().getBoolean(INCLUDE_SYNONYMS);
        for (Struct resource : request.body().get(RESOURCES)) {
            byte type = resource.getByte(RESOURCE_TYPE);
            String name = resource.get(RESOURCE_NAME);
            List<?> keys = resource.get(CONFIGURATION_KEYS);
            Struct result = response.addElement(RESULTS).set(RESOURCE_TYPE, type).set(RESOURCE_NAME, name);
            try {
                if (type == ConfigResource.TOPIC) {
                    describeTopic(name, keys, synonyms, result);
                } else if (type == ConfigResource.BROKER) {
                    describeBroker(name, keys, result);
                } else {
                    throw new KarstException(Errors.INVALID_REQUEST, "Unsupported config resource type " + type);
                }
            } catch (KarstException e) {
                result.set(ERROR_CODE, e.error().code()).set(ERROR_MESSAGE, e.getMessage());
            }
        }
        return CompletableFuture.completedFuture(response);
    }

    private void describeTopic(String name, List<?> keys, boolean withSynonyms, Struct result) {
        TopicDescription topic = topics.describe(name).orElseThrow(() -> new KarstException(
                Errors.UNKNOWN_TOPIC_OR_PARTITION, "Topic '" + name + "' does not exist."));
        Map<String, String> overrides = topic.configs();
        topics.configDefaults().forEach((key, defaultValue) -> {
            if (keys != null && !keys.contains(key.key())) {
                return;
            }
            String override = overrides.get(key.key());
            String defaultText = TopicConfig.format(defaultValue);
            Struct entry = addConfig(result, key.key(), override != null ? override : defaultText, false,
                    override != null ? ConfigResource.SOURCE_DYNAMIC_TOPIC : ConfigResource.SOURCE_DEFAULT);
            if (withSynonyms) {
                if (override != null) {
                    entry.addElement(SYNONYMS).set(NAME, key.key()).set(VALUE, override)
                            .set(SOURCE, ConfigResource.SOURCE_DYNAMIC_TOPIC);
                }
                entry.addElement(SYNONYMS).set(NAME, key.brokerKey()).set(VALUE, defaultText)
                        .set(SOURCE, ConfigResource.SOURCE_DEFAULT);
            }
        });
    }

    private void describeBroker(String name, List<?> keys, Struct result) {
        if (!name.isEmpty() && !name.equals(Integer.toString(config.brokerId()))) {
            throw new KarstException(Errors.INVALID_REQUEST, "Broker " + name + " is not this broker ("
                    + config.brokerId() + ")");
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("broker.id", Integer.toString(config.brokerId()));
        values.put("num.partitions", Integer.toString(config.numPartitions()));
        values.put("default.replication.factor", Short.toString(config.defaultReplicationFactor()));
        values.put("auto.create.topics.enable", Boolean.toString(config.autoCreateTopicsEnable()));
        values.put("delete.topic.enable", Boolean.toString(config.deleteTopicEnable()));
        values.put("producer.id.expiration.ms", Long.toString(config.producerIdExpirationMs()));
        values.put("num.io.threads", Integer.toString(config.numIoThreads()));
        topics.configDefaults().forEach((key, value) -> values.put(key.brokerKey(), TopicConfig.format(value)));
        values.forEach((key, value) -> {
            if (keys == null || keys.contains(key)) {
                addConfig(result, key, value, true, ConfigResource.SOURCE_STATIC_BROKER);
            }
        });
    }

    private static Struct addConfig(Struct result, String name, String value, boolean readOnly, byte source) {
        return result.addElement(CONFIGS).set(NAME, name).set(VALUE, value).set(READ_ONLY, readOnly)
                .set(CONFIG_SOURCE, source).set(IS_SENSITIVE, false);
    }
}
