package io.karst.protocol.messages;

import io.karst.protocol.Field;
import io.karst.protocol.Schema;
import io.karst.protocol.Struct;

import java.util.List;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.int16;
import static io.karst.protocol.Field.int32;
import static io.karst.protocol.Field.string;
import static io.karst.protocol.Field.stringArray;

/** DeleteTopics (key 20), version 1. */
public final class DeleteTopicsMessage {
    private DeleteTopicsMessage() {
    }

    public static final Field<List<String>> TOPIC_NAMES = stringArray("topic_names");
    public static final Field<Integer> TIMEOUT_MS = int32("timeout_ms");
    public static final Schema REQUEST = new Schema(TOPIC_NAMES, TIMEOUT_MS);

    public static final Field<String> NAME = string("name");
    public static final Field<Short> ERROR_CODE = int16("error_code");
    public static final Schema RESULT = new Schema(NAME, ERROR_CODE);

    public static final Field<Integer> THROTTLE_TIME_MS = int32("throttle_time_ms").since(1);
    public static final Field<List<Struct>> RESPONSES = array("responses", RESULT);
    public static final Schema RESPONSE = new Schema(THROTTLE_TIME_MS, RESPONSES);
}
