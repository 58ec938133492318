package io.karst.broker.internal.handler;

import io.karst.api.KarstException;
import io.karst.broker.internal.TopicManager;
import io.karst.protocol.ApiKeys;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** DeleteTopics: each topic's metadata and data removed, with its own error. */
public final class DeleteTopicsHandler implements ApiHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeleteTopicsHandler.class);

    private final TopicManager topics;

    public DeleteTopicsHandler(TopicManager topics) {
        this.topics = topics;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.DELETE_TOPICS;
    }

    @Override
    public CompletionStage<Struct> handle(Request request) {
        Struct response = Protocol.newResponse(ApiKeys.DELETE_TOPICS, request.version());
        for (Object name : request.body().getList("topic_names")) {
            Struct result = response.addElement("responses").set("name", name);
            try {
                topics.delete((String) name);
            } catch (KarstException e) {
                LOG.info("Did not delete topic {}: {}", name, e.getMessage());
                result.set("error_code", e.error().code());
            }
        }
        return CompletableFuture.completedFuture(response);
    }
}
