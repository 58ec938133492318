package io.karst.protocol.messages;

import io.karst.protocol.Field;
import io.karst.protocol.Schema;
import io.karst.protocol.Struct;

import java.util.List;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.int16;
import static io.karst.protocol.Field.int32;
import static io.karst.protocol.Field.int64;
import static io.karst.protocol.Field.int8;
import static io.karst.protocol.Field.string;

/** ListOffsets (key 2), versions 1-2: the offset for a timestamp, or the earliest (-2) or latest (-1). */
public final class ListOffsetsMessage {
    private ListOffsetsMessage() {
    }

    public static final Field<Integer> PARTITION_INDEX = int32("partition_index");
    public static final Field<Long> PARTITION_TIMESTAMP = int64("timestamp");
    public static final Schema PARTITION = new Schema(PARTITION_INDEX, PARTITION_TIMESTAMP);

    public static final Field<String> NAME = string("name");
    public static final Field<List<Struct>> TOPIC_PARTITIONS = array("partitions", PARTITION);
    public static final Schema TOPIC = new Schema(NAME, TOPIC_PARTITIONS);

    public static final Field<Integer> REPLICA_ID = int32("replica_id");
    public static final Field<Byte> ISOLATION_LEVEL = int8("isolation_level").since(2);
    public static final Field<List<Struct>> REQUEST_TOPICS = array("topics", TOPIC);
    public static final Schema REQUEST = new Schema(REPLICA_ID, ISOLATION_LEVEL, REQUEST_TOPICS);

    public static final Field<Short> ERROR_CODE = int16("error_code");
    public static final Field<Long> PARTITION_RESPONSE_TIMESTAMP = int64("timestamp").withDefault(-1L);
    public static final Field<Long> OFFSET = int64("offset").withDefault(-1L);
    public static final Schema PARTITION_RESPONSE = new Schema(
            PARTITION_INDEX,
            ERROR_CODE,
            PARTITION_RESPONSE_TIMESTAMP,
            OFFSET);

    public static final Field<List<Struct>> TOPIC_RESPONSE_PARTITIONS = array("partitions", PARTITION_RESPONSE);
    public static final Schema TOPIC_RESPONSE = new Schema(NAME, TOPIC_RESPONSE_PARTITIONS);

    public static final Field<Integer> THROTTLE_TIME_MS = int32("throttle_time_ms").since(2);
    public static final Field<List<Struct>> RESPONSE_TOPICS = array("topics", TOPIC_RESPONSE);
    public static final Schema RESPONSE = new Schema(THROTTLE_TIME_MS, RESPONSE_TOPICS);
}
