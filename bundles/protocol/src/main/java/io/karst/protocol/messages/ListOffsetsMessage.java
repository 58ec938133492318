package io.karst.protocol.messages;

import io.karst.protocol.Schema;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.of;
import static io.karst.protocol.FieldType.*;

/** ListOffsets (key 2), versions 1-2: the offset for a timestamp, or the earliest (-2) or latest (-1). */
public final class ListOffsetsMessage {
    private ListOffsetsMessage() {
    }

    public static final Schema PARTITION = new Schema(
            of("partition_index", INT32),
            of("timestamp", INT64));

    public static final Schema TOPIC = new Schema(
            of("name", STRING),
            array("partitions", PARTITION));

    public static final Schema REQUEST = new Schema(
            of("replica_id", INT32),
            of("isolation_level", INT8).since(2),
            array("topics", TOPIC));

    public static final Schema PARTITION_RESPONSE = new Schema(
            of("partition_index", INT32),
            of("error_code", INT16),
            of("timestamp", INT64).withDefault(-1L),
            of("offset", INT64).withDefault(-1L));

    public static final Schema TOPIC_RESPONSE = new Schema(
            of("name", STRING),
            array("partitions", PARTITION_RESPONSE));

    public static final Schema RESPONSE = new Schema(
            of("throttle_time_ms", INT32).since(2),
            array("topics", TOPIC_RESPONSE));
}
