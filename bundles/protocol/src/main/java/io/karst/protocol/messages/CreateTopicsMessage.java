package io.karst.protocol.messages;

import io.karst.protocol.Schema;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.of;
import static io.karst.protocol.FieldType.*;

/** CreateTopics (key 19), versions 2-4. */
public final class CreateTopicsMessage {
    private CreateTopicsMessage() {
    }

    public static final Schema ASSIGNMENT = new Schema(
            of("partition_index", INT32),
            array("broker_ids", INT32));

    public static final Schema CONFIG = new Schema(
            of("name", STRING),
            of("value", STRING).nullableSince(0));

    public static final Schema TOPIC = new Schema(
            of("name", STRING),
            of("num_partitions", INT32),
            of("replication_factor", INT16),
            array("assignments", ASSIGNMENT),
            array("configs", CONFIG));

    public static final Schema REQUEST = new Schema(
            array("topics", TOPIC),
            of("timeout_ms", INT32),
            of("validate_only", BOOLEAN).since(1));

    public static final Schema TOPIC_RESULT = new Schema(
            of("name", STRING),
            of("error_code", INT16),
            of("error_message", STRING).since(1).nullableSince(1).withDefault(null));

    public static final Schema RESPONSE = new Schema(
            of("throttle_time_ms", INT32).since(2),
            array("topics", TOPIC_RESULT));
}
