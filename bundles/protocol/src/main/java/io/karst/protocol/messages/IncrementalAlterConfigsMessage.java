package io.karst.protocol.messages;

import io.karst.protocol.Field;
import io.karst.protocol.Schema;
import io.karst.protocol.Struct;

import java.util.List;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.int8;
import static io.karst.protocol.messages.AlterConfigsMessage.NAME;
import static io.karst.protocol.messages.AlterConfigsMessage.RESOURCE_NAME;
import static io.karst.protocol.messages.AlterConfigsMessage.RESOURCE_TYPE;
import static io.karst.protocol.messages.AlterConfigsMessage.VALIDATE_ONLY;
import static io.karst.protocol.messages.AlterConfigsMessage.VALUE;

/**
 * IncrementalAlterConfigs (key 44), version 0: set, delete, append to or subtract from single configs
 * (config_operation 0, 1, 2, 3). The fields it shares with AlterConfigs are AlterConfigs' constants, and
 * the response is AlterConfigs' own.
 */
public final class IncrementalAlterConfigsMessage {
    private IncrementalAlterConfigsMessage() {
    }

    public static final Field<Byte> CONFIG_OPERATION = int8("config_operation");
    public static final Schema CONFIG = new Schema(NAME, CONFIG_OPERATION, VALUE);

    public static final Field<List<Struct>> CONFIGS = array("configs", CONFIG);
    public static final Schema RESOURCE = new Schema(RESOURCE_TYPE, RESOURCE_NAME, CONFIGS);

    public static final Field<List<Struct>> RESOURCES = array("resources", RESOURCE);
    public static final Schema REQUEST = new Schema(RESOURCES, VALIDATE_ONLY);

    public static final Schema RESPONSE = AlterConfigsMessage.RESPONSE;
}
