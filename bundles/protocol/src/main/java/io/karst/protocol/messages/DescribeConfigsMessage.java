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
import static io.karst.protocol.Field.stringArray;

/** DescribeConfigs (key 32), version 1: the configs of topics and brokers with their sources. */
public final class DescribeConfigsMessage {
    private DescribeConfigsMessage() {
    }

    public static final Field<Byte> RESOURCE_TYPE = int8("resource_type");
    public static final Field<String> RESOURCE_NAME = string("resource_name");
    public static final Field<List<String>> CONFIGURATION_KEYS = stringArray("configuration_keys").nullableSince(0);
    public static final Schema RESOURCE = new Schema(RESOURCE_TYPE, RESOURCE_NAME, CONFIGURATION_KEYS);

    public static final Field<List<Struct>> RESOURCES = array("resources", RESOURCE);
    public static final Field<Boolean> INCLUDE_SYNONYMS = bool("include_synonyms").since(1);
    public static final Schema REQUEST = new Schema(RESOURCES, INCLUDE_SYNONYMS);

    public static final Field<String> NAME = string("name");
    public static final Field<String> VALUE = string("value").nullableSince(0);
    public static final Field<Byte> SOURCE = int8("source");
    public static final Schema SYNONYM = new Schema(NAME, VALUE, SOURCE);

    public static final Field<Boolean> READ_ONLY = bool("read_only");
    public static final Field<Byte> CONFIG_SOURCE = int8("config_source").since(1).withDefault((byte) -1);
    public static final Field<Boolean> IS_SENSITIVE = bool("is_sensitive");
    public static final Field<List<Struct>> SYNONYMS = array("synonyms", SYNONYM).since(1);
    public static final Schema CONFIG = new Schema(NAME, VALUE, READ_ONLY, CONFIG_SOURCE, IS_SENSITIVE, SYNONYMS);

    public static final Field<Short> ERROR_CODE = int16("error_code");
    public static final Field<String> ERROR_MESSAGE = string("error_message").nullableSince(0).withDefault(null);
    public static final Field<List<Struct>> CONFIGS = array("configs", CONFIG);
    public static final Schema RESULT = new Schema(ERROR_CODE, ERROR_MESSAGE, RESOURCE_TYPE, RESOURCE_NAME, CONFIGS);

    public static final Field<Integer> THROTTLE_TIME_MS = int32("throttle_time_ms");
    public static final Field<List<Struct>> RESULTS = array("results", RESULT);
    public static final Schema RESPONSE = new Schema(THROTTLE_TIME_MS, RESULTS);
}
