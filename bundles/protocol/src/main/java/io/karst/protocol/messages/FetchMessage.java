package io.karst.protocol.messages;

import io.karst.protocol.Schema;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.of;
import static io.karst.protocol.FieldType.*;

/** Fetch (key 1), versions 4-11: record data per partition, sent from the segment files. */
public final class FetchMessage {
    private FetchMessage() {
    }

    public static final Schema FETCH_PARTITION = new Schema(
            of("partition", INT32),
            of("current_leader_epoch", INT32).since(9).withDefault(-1),
            of("fetch_offset", INT64),
            of("log_start_offset", INT64).since(5).withDefault(-1L),
            of("partition_max_bytes", INT32));

    public static final Schema FETCH_TOPIC = new Schema(
            of("topic", STRING),
            array("partitions", FETCH_PARTITION));

    public static final Schema FORGOTTEN_TOPIC = new Schema(
            of("topic", STRING),
            array("partitions", INT32));

    public static final Schema REQUEST = new Schema(
            of("replica_id", INT32),
            of("max_wait_ms", INT32),
            of("min_bytes", INT32),
            of("max_bytes", INT32).since(3).withDefault(Integer.MAX_VALUE),
            of("isolation_level", INT8).since(4),
            of("session_id", INT32).since(7),
            of("session_epoch", INT32).since(7).withDefault(-1),
            array("topics", FETCH_TOPIC),
            array("forgotten_topics_data", FORGOTTEN_TOPIC).since(7),
            of("rack_id", STRING).since(11));

    public static final Schema ABORTED_TRANSACTION = new Schema(
            of("producer_id", INT64),
            of("first_offset", INT64));

    public static final Schema PARTITION_DATA = new Schema(
            of("partition_index", INT32),
            of("error_code", INT16),
            of("high_watermark", INT64),
            of("last_stable_offset", INT64).since(4).withDefault(-1L),
            of("log_start_offset", INT64).since(5).withDefault(-1L),
            array("aborted_transactions", ABORTED_TRANSACTION).since(4).nullableSince(4).withDefault(null),
            of("preferred_read_replica", INT32).since(11).withDefault(-1),
            of("records", RECORDS).nullableSince(0));

    public static final Schema TOPIC_RESPONSE = new Schema(
            of("topic", STRING),
            array("partitions", PARTITION_DATA));

    public static final Schema RESPONSE = new Schema(
            of("throttle_time_ms", INT32).since(1),
            of("error_code", INT16).since(7),
            of("session_id", INT32).since(7),
            array("responses", TOPIC_RESPONSE));
}
