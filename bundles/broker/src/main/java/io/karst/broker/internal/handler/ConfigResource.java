package io.karst.broker.internal.handler;

import io.karst.api.Errors;
import io.karst.api.KarstException;

/** Kafka's config resource types and config sources, as the config APIs carry them. */
final class ConfigResource {
    static final byte TOPIC = 2;
    static final byte BROKER = 4;

    /** A topic's own override. */
    static final byte SOURCE_DYNAMIC_TOPIC = 1;
    /** A broker setting from its configuration file. */
    static final byte SOURCE_STATIC_BROKER = 4;
    /** A default value. */
    static final byte SOURCE_DEFAULT = 5;

    private ConfigResource() {
    }

    /**
     * Checks that a resource can be altered: only topics can.
     *
     * @throws KarstException INVALID_REQUEST for brokers (read-only here) and unknown types
     */
    static void checkAlterable(byte type, String name) {
        if (type == BROKER) {
            throw new KarstException(Errors.INVALID_REQUEST, "Broker configs are read-only in Karst; set them in "
                    + "etc/io.karst.broker.cfg or etc/io.karst.storage.cfg (broker '" + name + "')");
        }
        if (type != TOPIC) {
            throw new KarstException(Errors.INVALID_REQUEST, "Unsupported config resource type " + type);
        }
    }
}
