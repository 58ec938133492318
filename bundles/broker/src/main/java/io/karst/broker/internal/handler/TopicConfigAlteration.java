package io.karst.broker.internal.handler;

import io.karst.api.Errors;
import io.karst.api.KarstException;
import io.karst.broker.internal.TopicManager;
import io.karst.protocol.Protocol;
import io.karst.protocol.Struct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

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

    static Struct alterEach(Request request, TopicManager topics, NewOverrides newOverrides) {
        Struct response = Protocol.newResponse(request.header().api(), request.version());
        boolean validateOnly = request.body().getBoolean("validate_only");
        for (Struct resource : request.body().getStructs("resources")) {
            byte type = resource.getByte("resource_type");
            String name = resource.getString("resource_name");
            Struct result = response.addElement("responses").set("resource_type", type).set("resource_name", name);
            try {
                ConfigResource.checkAlterable(type, name);
                topics.alterConfigs(name, newOverrides.of(name, resource), validateOnly);
            } catch (KarstException e) {
                LOG.info("Did not alter the configs of {}: {}", name, e.getMessage());
                result.set("error_code", e.error().code()).set("error_message", e.getMessage());
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
