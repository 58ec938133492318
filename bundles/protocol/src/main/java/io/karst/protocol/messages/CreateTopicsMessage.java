package io.karst.protocol.messages;

import io.karst.protocol.Field;
import io.karst.protocol.Schema;
import io.karst.protocol.Struct;

import java.util.List;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.bool;
import static io.karst.protocol.Field.int16;
import static io.karst.protocol.Field.int32;
import static io.karst.protocol.Field.int32Array;
import static io.karst.protocol.Field.string;

/** CreateTopics (key 19), versions 2-4. */
public final class CreateTopicsMessage {
    private CreateTopicsMessage() {
    }

    public static final Field<Integer> PARTITION_INDEX = int32("partition_index");
    public static final Field<List<Integer>> BROKER_IDS = int32Array("broker_ids");
    public static final Schema ASSIGNMENT = new Schema(PARTITION_INDEX, BROKER_IDS);

    public static final Field<String> NAME = string("name");
    public static final Field<String> VALUE = string("value").nullableSince(0);
    public static final Schema CONFIG = new Schema(NAME, VALUE);

    public static final Field<Integer> NUM_PARTITIONS = int32("num_partitions");
    public static final Field<Short> REPLICATION_FACTOR = int16("replication_factor");
    public static final Field<List<Struct>> ASSIGNMENTS = array("assignments", ASSIGNMENT);
    public static final Field<List<Struct>> CONFIGS = array("configs", CONFIG);
    public static final Schema TOPIC = new Schema(NAME, NUM_PARTITIONS, REPLICATION_FACTOR, ASSIGNMENTS, CONFIGS);

    public static final Field<List<Struct>> REQUEST_TOPICS = array("topics", TOPIC);
    public static final Field<Integer> TIMEOUT_MS = int32("timeout_ms");
    public static final Field<Boolean> VALIDATE_ONLY = bool("validate_only").since(1);
    public static final Schema REQUEST = new Schema(REQUEST_TOPICS, TIMEOUT_MS, VALIDATE_ONLY);

    public static final Field<Short> ERROR_CODE = int16("error_code");
    public static final Field<String> ERROR_MESSAGE =
            string("error_message").since(1).nullableSince(1).withDefault(null);
    public static final Schema TOPIC_RESULT = new Schema(NAME, ERROR_CODE, ERROR_MESSAGE);

    public static final Field<Integer> THROTTLE_TIME_MS = int32("throttle_time_ms").since(2);
    public static final Field<List<Struct>> RESPONSE_TOPICS = array("topics", TOPIC_RESULT);
    public static final Schema RESPONSE = new Schema(THROTTLE_TIME_MS, RESPONSE_TOPICS);
}
