package io.karst.protocol.messages;

import io.karst.protocol.Schema;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.of;
import static io.karst.protocol.FieldType.*;

/** DeleteRecords (key 21), versions 0-1: move partitions' log start offsets forward. */
public final class DeleteRecordsMessage {
    private DeleteRecordsMessage() {
    }

    public static final Schema PARTITION = new Schema(
            of("partition_index", INT32),
            of("offset", INT64));

    public static final Schema TOPIC = new Schema(
            of("name", STRING),
            array("partitions", PARTITION));

    public static final Schema REQUEST = new Schema(
            array("topics", TOPIC),
            of("timeout_ms", INT32));

    public static final Schema PARTITION_RESULT = new Schema(
            of("partition_index", INT32),
            of("low_watermark", INT64),
            of("error_code", INT16));

    public static final Schema TOPIC_RESULT = new Schema(
            of("name", STRING),
            array("partitions", PARTITION_RESULT));

    public static final Schema RESPONSE = new Schema(
            of("throttle_time_ms", INT32),
            array("topics", TOPIC_RESULT));
}
