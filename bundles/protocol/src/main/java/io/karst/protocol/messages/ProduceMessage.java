package io.karst.protocol.messages;

import io.karst.protocol.Schema;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.of;
import static io.karst.protocol.FieldType.*;

/**
 * Produce (key 0), versions 0-8 (0-2 are answered UNSUPPORTED_VERSION): record batches per partition. The
 * request of v8 is that of v7; its answer names the records that made a batch fail (KIP-467).
 */
public final class ProduceMessage {
    private ProduceMessage() {
    }

    public static final Schema PARTITION_DATA = new Schema(
            of("index", INT32),
            of("records", RECORDS).nullableSince(0));

    public static final Schema TOPIC_DATA = new Schema(
            of("name", STRING),
            array("partition_data", PARTITION_DATA));

    public static final Schema REQUEST = new Schema(
            of("transactional_id", STRING).since(3).nullableSince(3).withDefault(null),
            of("acks", INT16),
            of("timeout_ms", INT32),
            array("topic_data", TOPIC_DATA));

    public static final Schema RECORD_ERROR = new Schema(
            of("batch_index", INT32),
            of("batch_index_error_message", STRING).nullableSince(8).withDefault(null));

    public static final Schema PARTITION_RESPONSE = new Schema(
            of("index", INT32),
            of("error_code", INT16),
            of("base_offset", INT64),
            of("log_append_time_ms", INT64).since(2).withDefault(-1L),
            of("log_start_offset", INT64).since(5).withDefault(-1L),
            array("record_errors", RECORD_ERROR).since(8),
            of("error_message", STRING).since(8).nullableSince(8).withDefault(null));

    public static final Schema TOPIC_RESPONSE = new Schema(
            of("name", STRING),
            array("partition_responses", PARTITION_RESPONSE));

    public static final Schema RESPONSE = new Schema(
            array("responses", TOPIC_RESPONSE),
            of("throttle_time_ms", INT32).since(1));
}
