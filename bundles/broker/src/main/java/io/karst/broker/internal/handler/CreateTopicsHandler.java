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
        boolean validateOnly = body.getBoolean("validate_only");
        Struct response = Protocol.newResponse(ApiKeys.CREATE_TOPICS, request.version());
        Set<String> seen = new HashSet<>();
        Set<String> duplicated = new HashSet<>();
        for (Struct topic : body.getStructs("topics")) {
            if (!seen.add(topic.getString("name"))) {
                duplicated.add(topic.getString("name"));
            }
        }
        for (Struct topic : body.getStructs("topics")) {
            String name = topic.getString("name");
            Struct result = response.addElement("topics").set("name", name);
            if (duplicated.contains(name)) {
                result.set("error_code", Errors.INVALID_REQUEST.code())
                        .set("error_message", "Create topics request from client contains multiple entries for topic " + name);
                continue;
            }
            try {
                create(topic, validateOnly);
            } catch (KarstException e) {
                LOG.info("Did not create topic {}: {}", name, e.getMessage());
                result.set("error_code", e.error().code()).set("error_message", e.getMessage());
            }
        }
        return CompletableFuture.completedFuture(response);
    }

    private void create(Struct topic, boolean validateOnly) {
        String name = topic.getString("name");
        int partitions = topic.getInt("num_partitions");
        short factor = topic.getShort("replication_factor");
        List<Struct> assignments = topic.getStructs("assignments");
        if (!assignments.isEmpty()) {
            if (partitions != -1 || factor != -1) {
                throw new KarstException(Errors.INVALID_REQUEST,
                        "Both numPartitions or replicationFactor and replicasAssignments were set.");
            }
            partitions = assignments.size();
            factor = (short) assignments.get(0).getList("broker_ids").size();
        }
        Map<String, String> configs = new HashMap<>();
        for (Struct config : topic.getStructs("configs")) {
            String value = config.getString("value");
            if (value == null) {
                throw new KarstException(Errors.INVALID_CONFIG, "Null value not supported for topic config "
                        + config.getString("name"));
            }
            configs.put(config.getString("name"), value);
        }
        topics.create(name, partitions, factor, configs, validateOnly);
    }
}
