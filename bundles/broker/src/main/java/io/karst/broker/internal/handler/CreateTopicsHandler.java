package io.karst.broker.internal.handler;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.broker.internal.TopicManager;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static io.karst.protocol.messages.CreateTopicsMessage.ASSIGNMENTS;
import static io.karst.protocol.messages.CreateTopicsMessage.BROKER_IDS;
import static io.karst.protocol.messages.CreateTopicsMessage.CONFIGS;
import static io.karst.protocol.messages.CreateTopicsMessage.ERROR_CODE;
import static io.karst.protocol.messages.CreateTopicsMessage.ERROR_MESSAGE;
import static io.karst.protocol.messages.CreateTopicsMessage.NAME;
import static io.karst.protocol.messages.CreateTopicsMessage.NUM_PARTITIONS;
import static io.karst.protocol.messages.CreateTopicsMessage.REPLICATION_FACTOR;
import static io.karst.protocol.messages.CreateTopicsMessage.REQUEST_TOPICS;
import static io.karst.protocol.messages.CreateTopicsMessage.RESPONSE_TOPICS;
import static io.karst.protocol.messages.CreateTopicsMessage.VALIDATE_ONLY;
import static io.karst.protocol.messages.CreateTopicsMessage.VALUE;

/** CreateTopics: each topic created (or only checked, with validate_only) with its own error and message. */
public final class CreateTopicsHandler implements ApiHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CreateTopicsHandler.class);

    private final TopicManager topics;

    public CreateTopicsHandler(TopicManager topics) {
        this.topics = topics;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.CREATE_TOPICS;
    }

    @Override
    public CompletionStage<Struct> handle(Request request) {
        Struct body = request.body();
        boolean validateOnly = body.getBoolean(VALIDATE_ONLY);
        Struct response = Protocol.newResponse(ApiKeys.CREATE_TOPICS, request.version());
        Set<String> seen = new HashSet<>();
        Set<String> duplicated = new HashSet<>();
        for (Struct topic : body.get(REQUEST_TOPICS)) {
            if (!seen.add(topic.get(NAME))) {
                duplicated.add(topic.get(NAME));
            }
        }
        for (Struct topic : body.get(REQUEST_TOPICS)) {
            String name = topic.get(NAME);
            Struct result = response.addElement(RESPONSE_TOPICS).set(NAME, name);
            if (duplicated.contains(name)) {
                result.set(ERROR_CODE, Errors.INVALID_REQUEST.code())
                        .set(ERROR_MESSAGE, "Create topics request from client contains multiple entries for topic " + name);
                continue;
            }
            try {
                create(topic, validateOnly);
            } catch (KarstException e) {
                LOG.info("Did not create topic {}: {}", name, e.getMessage());
                result.set(ERROR_CODE, e.error().code()).set(ERROR_MESSAGE, e.getMessage());
            }
        }
        return CompletableFuture.completedFuture(response);
    }

    private void create(Struct topic, boolean validateOnly) {
        String name = topic.get(NAME);
        int partitions = topic.getInt(NUM_PARTITIONS);
        short factor = topic.getShort(REPLICATION_FACTOR);
        List<Struct> assignments = topic.get(ASSIGNMENTS);
        if (!assignments.isEmpty()) {
            if (partitions != -1 || factor != -1) {
                throw new KarstException(Errors.INVALID_REQUEST,
                        "Both numPartitions or replicationFactor and replicasAssignments were set.");
            }
            partitions = assignments.size();
            factor = (short) assignments.get(0).get(BROKER_IDS).size();
        }
        Map<String, String> configs = new HashMap<>();
        for (Struct config : topic.get(CONFIGS)) {
            String value = config.get(VALUE);
            if (value == null) {
                throw new KarstException(Errors.INVALID_CONFIG, "Null value not supported for topic config "
                        + config.get(NAME));
            }
            configs.put(config.get(NAME), value);
        }
        topics.create(name, partitions, factor, configs, validateOnly);
    }
}
