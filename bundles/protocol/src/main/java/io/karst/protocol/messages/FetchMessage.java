package io.karst.protocol.messages;

import io.karst.protocol.Field;
import io.karst.protocol.Schema;
import io.karst.protocol.Struct;

import java.util.List;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.int16;
import static io.karst.protocol.Field.int32;
import static io.karst.protocol.Field.int32Array;
import static io.karst.protocol.Field.int64;
import static io.karst.protocol.Field.int8;
import static io.karst.protocol.Field.records;
import static io.karst.protocol.Field.string;

/** Fetch (key 1), versions 4-11: record data per partition, sent from the segment files. */
public final class FetchMessage {
    private FetchMessage() {
    }

    public static final Field<Integer> PARTITION = int32("partition");
    public static final Field<Integer> CURRENT_LEADER_EPOCH = int32("current_leader_epoch").since(9).withDefault(-1);
    public static final Field<Long> FETCH_OFFSET = int64("fetch_offset");
    public static final Field<Long> LOG_START_OFFSET = int64("log_start_offset").since(5).withDefault(-1L);
    public static final Field<Integer> PARTITION_MAX_BYTES = int32("partition_max_bytes");
    public static final Schema FETCH_PARTITION = new Schema(
            PARTITION,
            CURRENT_LEADER_EPOCH,
            FETCH_OFFSET,
            LOG_START_OFFSET,
            PARTITION_MAX_BYTES);

    public static final Field<String> TOPIC = string("topic");
    public static final Field<List<Struct>> FETCH_TOPIC_PARTITIONS = array("partitions", FETCH_PARTITION);
    public static final Schema FETCH_TOPIC = new Schema(TOPIC, FETCH_TOPIC_PARTITIONS);

    public static final Field<List<Integer>> FORGOTTEN_TOPIC_PARTITIONS = int32Array("partitions");
    public static final Schema FORGOTTEN_TOPIC = new Schema(TOPIC, FORGOTTEN_TOPIC_PARTITIONS);

    public static final Field<Integer> REPLICA_ID = int32("replica_id");
    public static final Field<Integer> MAX_WAIT_MS = int32("max_wait_ms");
    public static final Field<Integer> MIN_BYTES = int32("min_bytes");
    public static final Field<Integer> MAX_BYTES = int32("max_bytes").since(3).withDefault(Integer.MAX_VALUE);
    public static final Field<Byte> ISOLATION_LEVEL = int8("isolation_level").since(4);
    public static final Field<Integer> SESSION_ID = int32("session_id").since(7);
    public static final Field<Integer> SESSION_EPOCH = int32("session_epoch").since(7).withDefault(-1);
    public static final Field<List<Struct>> TOPICS = array("topics", FETCH_TOPIC);
    public static final Field<List<Struct>> FORGOTTEN_TOPICS_DATA =
            array("forgotten_topics_data", FORGOTTEN_TOPIC).since(7);
    public static final Field<String> RACK_ID = string("rack_id").since(11);
    public static final Schema REQUEST = new Schema(
            REPLICA_ID,
            MAX_WAIT_MS,
            MIN_BYTES,
            MAX_BYTES,
            ISOLATION_LEVEL,
            SESSION_ID,
            SESSION_EPOCH,
            TOPICS,
            FORGOTTEN_TOPICS_DATA,
            RACK_ID);

    public static final Field<Long> PRODUCER_ID = int64("producer_id");
    public static final Field<Long> FIRST_OFFSET = int64("first_offset");
    public static final Schema ABORTED_TRANSACTION = new Schema(PRODUCER_ID, FIRST_OFFSET);

    public static final Field<Integer> PARTITION_INDEX = int32("partition_index");
    public static final Field<Short> PARTITION_DATA_ERROR_CODE = int16("error_code");
    public static final Field<Long> HIGH_WATERMARK = int64("high_watermark");
    public static final Field<Long> LAST_STABLE_OFFSET = int64("last_stable_offset").since(4).withDefault(-1L);
    public static final Field<List<Struct>> ABORTED_TRANSACTIONS =
            array("aborted_transactions", ABORTED_TRANSACTION).since(4).nullableSince(4).withDefault(null);
    public static final Field<Integer> PREFERRED_READ_REPLICA =
            int32("preferred_read_replica").since(11).withDefault(-1);
    public static final Field<Object> RECORDS = records("records").nullableSince(0);
    public static final Schema PARTITION_DATA = new Schema(
            PARTITION_INDEX,
            PARTITION_DATA_ERROR_CODE,
            HIGH_WATERMARK,
            LAST_STABLE_OFFSET,
            LOG_START_OFFSET,
            ABORTED_TRANSACTIONS,
            PREFERRED_READ_REPLICA,
            RECORDS);

    public static final Field<List<Struct>> TOPIC_RESPONSE_PARTITIONS = array("partitions", PARTITION_DATA);
    public static final Schema TOPIC_RESPONSE = new Schema(TOPIC, TOPIC_RESPONSE_PARTITIONS);

    public static final Field<Integer> THROTTLE_TIME_MS = int32("throttle_time_ms").since(1);
    public static final Field<Short> RESPONSE_ERROR_CODE = int16("error_code").since(7);
    public static final Field<List<Struct>> RESPONSES = array("responses", TOPIC_RESPONSE);
    public static final Schema RESPONSE = new Schema(THROTTLE_TIME_MS, RESPONSE_ERROR_CODE, SESSION_ID, RESPONSES);
}
