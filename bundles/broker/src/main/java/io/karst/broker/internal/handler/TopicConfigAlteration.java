package io.karst.broker.internal.handler;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.broker.internal.TopicManager;
import io.karst.protocol.Field;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

import static io.karst.protocol.messages.AlterConfigsMessage.ERROR_CODE;
import static io.karst.protocol.messages.AlterConfigsMessage.ERROR_MESSAGE;
import static io.karst.protocol.messages.AlterConfigsMessage.RESOURCE_NAME;
import static io.karst.protocol.messages.AlterConfigsMessage.RESOURCE_TYPE;
import static io.karst.protocol.messages.AlterConfigsMessage.RESPONSES;
import static io.karst.protocol.messages.AlterConfigsMessage.VALIDATE_ONLY;

/**
 * What AlterConfigs and IncrementalAlterConfigs share: every resource of the request must be a topic; the
 * API's own rule gives the topic's complete new overrides, which are checked and applied live (or only
 * checked, with {@code validate_only}); a failure is answered in that resource's element alone.
 */
final class TopicConfigAlteration {
    private static final Logger LOG = LoggerFactory.getLogger(TopicConfigAlteration.class);

    /** How an API turns one resource of its request into the topic's complete new overrides. */
    @FunctionalInterface
    interface NewOverrides {
        /** @throws KarstException the error to answer for this resource */
        Map<String, String> of(String topic, Struct resource);
    }

    private TopicConfigAlteration() {
    }

    /** {@code resources} is the request's array of resources, whose element differs between the two APIs. */
    static Struct alterEach(Request request, Field<List<Struct>> resources, TopicManager topics,
                            NewOverrides newOverrides) {
        Struct response = Protocol.newResponse(request.header().api(), request.version());
        boolean validateOnly = request.body().getBoolean(VALIDATE_ONLY);
        for (Struct resource : request.body().get(resources)) {
            byte type = resource.getByte(RESOURCE_TYPE);
            String name = resource.get(RESOURCE_NAME);
            Struct result = response.addElement(RESPONSES).set(RESOURCE_TYPE, type).set(RESOURCE_NAME, name);
            try {
                ConfigResource.checkAlterable(type, name);
                topics.alterConfigs(name, newOverrides.of(name, resource), validateOnly);
            } catch (KarstException e) {
                LOG.info("Did not alter the configs of {}: {}", name, e.getMessage());
                result.set(ERROR_CODE, e.error().code()).set(ERROR_MESSAGE, e.getMessage());
            }
        }
        return response;
    }

    /** @throws KarstException INVALID_REQUEST for a null value, which no topic config takes */
    static String requireValue(String key, String value) {
        if (value == null) {
            throw new KarstException(Errors.INVALID_REQUEST, "Null value not supported for topic config " + key);
        }
        return value;
    }
}
