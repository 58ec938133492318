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
import static io.karst.protocol.Field.int64;
import static io.karst.protocol.Field.string;

/**
 * OffsetFetch (key 9), versions 1-7, flexible from v6: a group's committed offsets, for the asked
 * partitions or (null topics, v2+) for all of them; -1 where nothing is committed.
 */
public final class OffsetFetchMessage {
    private OffsetFetchMessage() {
    }

    public static final Field<String> NAME = string("name");
    public static final Field<List<Integer>> PARTITION_INDEXES = int32Array("partition_indexes");
    public static final Schema TOPIC = new Schema(NAME, PARTITION_INDEXES);

    public static final Field<String> GROUP_ID = string("group_id");
    public static final Field<List<Struct>> REQUEST_TOPICS = array("topics", TOPIC).nullableSince(2);
    public static final Field<Boolean> REQUIRE_STABLE = bool("require_stable").since(7);
    public static final Schema REQUEST = new Schema(GROUP_ID, REQUEST_TOPICS, REQUIRE_STABLE);

    public static final Field<Integer> PARTITION_INDEX = int32("partition_index");
    public static final Field<Long> COMMITTED_OFFSET = int64("committed_offset");
    public static final Field<Integer> COMMITTED_LEADER_EPOCH =
            int32("committed_leader_epoch").since(5).withDefault(-1);
    public static final Field<String> METADATA = string("metadata").nullableSince(0);
    public static final Field<Short> PARTITION_RESPONSE_ERROR_CODE = int16("error_code");
    public static final Schema PARTITION_RESPONSE = new Schema(
            PARTITION_INDEX,
            COMMITTED_OFFSET,
            COMMITTED_LEADER_EPOCH,
            METADATA,
            PARTITION_RESPONSE_ERROR_CODE);

    public static final Field<List<Struct>> PARTITIONS = array("partitions", PARTITION_RESPONSE);
    public static final Schema TOPIC_RESPONSE = new Schema(NAME, PARTITIONS);

    public static final Field<Integer> THROTTLE_TIME_MS = int32("throttle_time_ms").since(3);
    public static final Field<List<Struct>> RESPONSE_TOPICS = array("topics", TOPIC_RESPONSE);
    public static final Field<Short> RESPONSE_ERROR_CODE = int16("error_code").since(2);
    public static final Schema RESPONSE = new Schema(THROTTLE_TIME_MS, RESPONSE_TOPICS, RESPONSE_ERROR_CODE);
}
