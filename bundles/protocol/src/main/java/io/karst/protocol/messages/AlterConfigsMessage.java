package io.karst.protocol.messages;

import io.karst.protocol.Field;
import io.karst.protocol.Schema;
import io.karst.protocol.Struct;

import java.util.List;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.bool;
import static io.karst.protocol.Field.int16;
import static io.karst.protocol.Field.int32;
import static io.karst.protocol.Field.int8;
import static io.karst.protocol.Field.string;

/** AlterConfigs (key 33), version 0: replace a resource's whole set of config overrides. */
public final class AlterConfigsMessage {
    private AlterConfigsMessage() {
    }

    public static final Field<String> NAME = string("name");
    public static final Field<String> VALUE = string("value").nullableSince(0);
    public static final Schema CONFIG = new Schema(NAME, VALUE);

    public static final Field<Byte> RESOURCE_TYPE = int8("resource_type");
    public static final Field<String> RESOURCE_NAME = string("resource_name");
    public static final Field<List<Struct>> CONFIGS = array("configs", CONFIG);
    public static final Schema RESOURCE = new Schema(RESOURCE_TYPE, RESOURCE_NAME, CONFIGS);

    public static final Field<List<Struct>> RESOURCES = array("resources", RESOURCE);
    public static final Field<Boolean> VALIDATE_ONLY = bool("validate_only");
    public static final Schema REQUEST = new Schema(RESOURCES, VALIDATE_ONLY);

    public static final Field<Short> ERROR_CODE = int16("error_code");
    public static final Field<String> ERROR_MESSAGE = string("error_message").nullableSince(0).withDefault(null);
    /** One resource's outcome. */
    public static final Schema RESOURCE_RESPONSE = new Schema(ERROR_CODE, ERROR_MESSAGE, RESOURCE_TYPE, RESOURCE_NAME);

    public static final Field<Integer> THROTTLE_TIME_MS = int32("throttle_time_ms");
    public static final Field<List<Struct>> RESPONSES = array("responses", RESOURCE_RESPONSE);
    /** IncrementalAlterConfigs answers with this same response. */
    public static final Schema RESPONSE = new Schema(THROTTLE_TIME_MS, RESPONSES);
}
