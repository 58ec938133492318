package io.karst.protocol.messages;

import io.karst.protocol.Field;
import io.karst.protocol.Schema;
import io.karst.protocol.Struct;

import java.util.List;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.int16;
import static io.karst.protocol.Field.int32;
import static io.karst.protocol.Field.int64;
import static io.karst.protocol.Field.string;

/** DeleteRecords (key 21), versions 0-1: move partitions' log start offsets forward. */
public final class DeleteRecordsMessage {
    private DeleteRecordsMessage() {
    }

    public static final Field<Integer> PARTITION_INDEX = int32("partition_index");
    public static final Field<Long> OFFSET = int64("offset");
    public static final Schema PARTITION = new Schema(PARTITION_INDEX, OFFSET);

    public static final Field<String> NAME = string("name");
    public static final Field<List<Struct>> TOPIC_PARTITIONS = array("partitions", PARTITION);
    public static final Schema TOPIC = new Schema(NAME, TOPIC_PARTITIONS);

    public static final Field<List<Struct>> REQUEST_TOPICS = array("topics", TOPIC);
    public static final Field<Integer> TIMEOUT_MS = int32("timeout_ms");
    public static final Schema REQUEST = new Schema(REQUEST_TOPICS, TIMEOUT_MS);

    public static final Field<Long> LOW_WATERMARK = int64("low_watermark");
    public static final Field<Short> ERROR_CODE = int16("error_code");
    public static final Schema PARTITION_RESULT = new Schema(PARTITION_INDEX, LOW_WATERMARK, ERROR_CODE);

    public static final Field<List<Struct>> TOPIC_RESULT_PARTITIONS = array("partitions", PARTITION_RESULT);
    public static final Schema TOPIC_RESULT = new Schema(NAME, TOPIC_RESULT_PARTITIONS);

    public static final Field<Integer> THROTTLE_TIME_MS = int32("throttle_time_ms");
    public static final Field<List<Struct>> RESPONSE_TOPICS = array("topics", TOPIC_RESULT);
    public static final Schema RESPONSE = new Schema(THROTTLE_TIME_MS, RESPONSE_TOPICS);
}
