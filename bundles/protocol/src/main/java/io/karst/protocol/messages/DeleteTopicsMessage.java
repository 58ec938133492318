package io.karst.protocol.messages;

import io.karst.protocol.Schema;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.of;
import static io.karst.protocol.FieldType.*;

/** DeleteTopics (key 20), version 1. */
public final class DeleteTopicsMessage {
    private DeleteTopicsMessage() {
    }

    public static final Schema REQUEST = new Schema(
            array("topic_names", STRING),
            of("timeout_ms", INT32));

    public static final Schema RESULT = new Schema(
            of("name", STRING),
            of("error_code", INT16));

    public static final Schema RESPONSE = new Schema(
            of("throttle_time_ms", INT32).since(1),
            array("responses", RESULT));
}
