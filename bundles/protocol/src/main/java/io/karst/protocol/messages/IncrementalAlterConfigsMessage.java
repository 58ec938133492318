package io.karst.protocol.messages;

import io.karst.protocol.Schema;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.of;
import static io.karst.protocol.FieldType.*;

/**
 * IncrementalAlterConfigs (key 44), version 0: set, delete, append to or subtract from single configs
 * (config_operation 0, 1, 2, 3).
 */
public final class IncrementalAlterConfigsMessage {
    private IncrementalAlterConfigsMessage() {
    }

    public static final Schema CONFIG = new Schema(
            of("name", STRING),
            of("config_operation", INT8),
            of("value", STRING).nullableSince(0));

    public static final Schema RESOURCE = new Schema(
            of("resource_type", INT8),
            of("resource_name", STRING),
            array("configs", CONFIG));

    public static final Schema REQUEST = new Schema(
            array("resources", RESOURCE),
            of("validate_only", BOOLEAN));

    public static final Schema RESPONSE = new Schema(
            of("throttle_time_ms", INT32),
            array("responses", AlterConfigsMessage.RESOURCE_RESPONSE));
}
