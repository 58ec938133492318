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

import static io.karst.protocol.messages.DeleteTopicsMessage.ERROR_CODE;
import static io.karst.protocol.messages.DeleteTopicsMessage.NAME;
import static io.karst.protocol.messages.DeleteTopicsMessage.RESPONSES;
import static io.karst.protocol.messages.DeleteTopicsMessage.TOPIC_NAMES;

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
        for (String name : request.body().get(TOPIC_NAMES)) {
            Struct result = response.addElement(RESPONSES).set(NAME, name);
            try {
                topics.delete(name);
            } catch (KarstException e) {
                LOG.info("Did not delete topic {}: {}", name, e.getMessage());
                result.set(ERROR_CODE, e.error().code());
            }
        }
        return CompletableFuture.completedFuture(response);
    }
}
