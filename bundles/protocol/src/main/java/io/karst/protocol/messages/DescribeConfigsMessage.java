package io.karst.protocol.messages;

import io.karst.protocol.Schema;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.of;
import static io.karst.protocol.FieldType.*;

/** DescribeConfigs (key 32), version 1: the configs of topics and brokers with their sources. */
public final class DescribeConfigsMessage {
    private DescribeConfigsMessage() {
    }

    public static final Schema RESOURCE = new Schema(
            of("resource_type", INT8),
            of("resource_name", STRING),
            array("configuration_keys", STRING).nullableSince(0));

    public static final Schema REQUEST = new Schema(
            array("resources", RESOURCE),
            of("include_synonyms", BOOLEAN).since(1));

    public static final Schema SYNONYM = new Schema(
            of("name", STRING),
            of("value", STRING).nullableSince(0),
            of("source", INT8));

    public static final Schema CONFIG = new Schema(
            of("name", STRING),
            of("value", STRING).nullableSince(0),
            of("read_only", BOOLEAN),
            of("config_source", INT8).since(1).withDefault((byte) -1),
            of("is_sensitive", BOOLEAN),
            array("synonyms", SYNONYM).since(1));

    public static final Schema RESULT = new Schema(
            of("error_code", INT16),
            of("error_message", STRING).nullableSince(0).withDefault(null),
            of("resource_type", INT8),
            of("resource_name", STRING),
            array("configs", CONFIG));

    public static final Schema RESPONSE = new Schema(
            of("throttle_time_ms", INT32),
            array("results", RESULT));
}
