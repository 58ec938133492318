package io.karst.protocol.messages;

import io.karst.protocol.Field;
import io.karst.protocol.Schema;
import io.karst.protocol.Struct;

import java.util.List;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.int16;
import static io.karst.protocol.Field.int32;
import static io.karst.protocol.Field.int64;
import static io.karst.protocol.Field.records;
import static io.karst.protocol.Field.string;

/**
 * Produce (key 0), versions 0-8 (0-2 are answered UNSUPPORTED_VERSION): record batches per partition. The
 * request of v8 is that of v7; its answer names the records that made a batch fail (KIP-467).
 */
public final class ProduceMessage {
    private ProduceMessage() {
    }

    public static final Field<Integer> INDEX = int32("index");
    public static final Field<Object> RECORDS = records("records").nullableSince(0);
    public static final Schema PARTITION_PRODUCE_DATA = new Schema(INDEX, RECORDS);

    public static final Field<String> NAME = string("name");
    public static final Field<List<Struct>> PARTITION_DATA = array("partition_data", PARTITION_PRODUCE_DATA);
    public static final Schema TOPIC_PRODUCE_DATA = new Schema(NAME, PARTITION_DATA);

    public static final Field<String> TRANSACTIONAL_ID =
            string("transactional_id").since(3).nullableSince(3).withDefault(null);
    public static final Field<Short> ACKS = int16("acks");
    public static final Field<Integer> TIMEOUT_MS = int32("timeout_ms");
    public static final Field<List<Struct>> TOPIC_DATA = array("topic_data", TOPIC_PRODUCE_DATA);
    public static final Schema REQUEST = new Schema(TRANSACTIONAL_ID, ACKS, TIMEOUT_MS, TOPIC_DATA);

    public static final Field<Integer> BATCH_INDEX = int32("batch_index");
    public static final Field<String> BATCH_INDEX_ERROR_MESSAGE =
            string("batch_index_error_message").nullableSince(8).withDefault(null);
    public static final Schema RECORD_ERROR = new Schema(BATCH_INDEX, BATCH_INDEX_ERROR_MESSAGE);

    public static final Field<Short> ERROR_CODE = int16("error_code");
    public static final Field<Long> BASE_OFFSET = int64("base_offset");
    public static final Field<Long> LOG_APPEND_TIME_MS = int64("log_append_time_ms").since(2).withDefault(-1L);
    public static final Field<Long> LOG_START_OFFSET = int64("log_start_offset").since(5).withDefault(-1L);
    public static final Field<List<Struct>> RECORD_ERRORS = array("record_errors", RECORD_ERROR).since(8);
    public static final Field<String> ERROR_MESSAGE =
            string("error_message").since(8).nullableSince(8).withDefault(null);
    public static final Schema PARTITION_RESPONSE = new Schema(
            INDEX,
            ERROR_CODE,
            BASE_OFFSET,
            LOG_APPEND_TIME_MS,
            LOG_START_OFFSET,
            RECORD_ERRORS,
            ERROR_MESSAGE);

    public static final Field<List<Struct>> PARTITION_RESPONSES = array("partition_responses", PARTITION_RESPONSE);
    public static final Schema TOPIC_RESPONSE = new Schema(NAME, PARTITION_RESPONSES);

    public static final Field<List<Struct>> RESPONSES = array("responses", TOPIC_RESPONSE);
    public static final Field<Integer> THROTTLE_TIME_MS = int32("throttle_time_ms").since(1);
    public static final Schema RESPONSE = new Schema(RESPONSES, THROTTLE_TIME_MS);
}
