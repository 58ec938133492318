package io.karst.protocol.messages;

import io.karst.protocol.Schema;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.of;
import static io.karst.protocol.FieldType.*;

/** AlterConfigs (key 33), version 0: replace a resource's whole set of config overrides. */
public final class AlterConfigsMessage {
    private AlterConfigsMessage() {
    }

    public static final Schema CONFIG = new Schema(
            of("name", STRING),
            of("value", STRING).nullableSince(0));

    public static final Schema RESOURCE = new Schema(
            of("resource_type", INT8),
            of("resource_name", STRING),
            array("configs", CONFIG));

    public static final Schema REQUEST = new Schema(
            array("resources", RESOURCE),
            of("validate_only", BOOLEAN));

    /** One resource's outcome; IncrementalAlterConfigs answers with the same layout. */
    public static final Schema RESOURCE_RESPONSE = new Schema(
            of("error_code", INT16),
            of("error_message", STRING).nullableSince(0).withDefault(null),
            of("resource_type", INT8),
            of("resource_name", STRING));

    public static final Schema RESPONSE = new Schema(
            of("throttle_time_ms", INT32),
            array("responses", RESOURCE_RESPONSE));
}
