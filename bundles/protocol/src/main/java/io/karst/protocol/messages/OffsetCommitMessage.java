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

/**
 * OffsetCommit (key 8), versions 2-7: a group's committed offsets. Generation -1 with an empty
 * member id commits for a group that has no members ({@code assign()} users).
 */
public final class OffsetCommitMessage {
    private OffsetCommitMessage() {
    }

    public static final Field<Integer> PARTITION_INDEX = int32("partition_index");
    public static final Field<Long> COMMITTED_OFFSET = int64("committed_offset");
    public static final Field<Integer> COMMITTED_LEADER_EPOCH =
            int32("committed_leader_epoch").since(6).withDefault(-1);
    public static final Field<Long> COMMIT_TIMESTAMP = int64("commit_timestamp").since(1).until(1).withDefault(-1L);
    public static final Field<String> COMMITTED_METADATA = string("committed_metadata").nullableSince(0);
    public static final Schema PARTITION = new Schema(
            PARTITION_INDEX,
            COMMITTED_OFFSET,
            COMMITTED_LEADER_EPOCH,
            COMMIT_TIMESTAMP,
            COMMITTED_METADATA);

    public static final Field<String> NAME = string("name");
    public static final Field<List<Struct>> TOPIC_PARTITIONS = array("partitions", PARTITION);
    public static final Schema TOPIC = new Schema(NAME, TOPIC_PARTITIONS);

    public static final Field<String> GROUP_ID = string("group_id");
    public static final Field<Integer> GENERATION_ID_OR_MEMBER_EPOCH =
            int32("generation_id_or_member_epoch").since(1).withDefault(-1);
    public static final Field<String> MEMBER_ID = string("member_id").since(1);
    public static final Field<String> GROUP_INSTANCE_ID =
            string("group_instance_id").since(7).nullableSince(7).withDefault(null);
    public static final Field<Long> RETENTION_TIME_MS = int64("retention_time_ms").since(2).until(4).withDefault(-1L);
    public static final Field<List<Struct>> REQUEST_TOPICS = array("topics", TOPIC);
    public static final Schema REQUEST = new Schema(
            GROUP_ID,
            GENERATION_ID_OR_MEMBER_EPOCH,
            MEMBER_ID,
            GROUP_INSTANCE_ID,
            RETENTION_TIME_MS,
            REQUEST_TOPICS);

    public static final Field<Short> ERROR_CODE = int16("error_code");
    public static final Schema PARTITION_RESPONSE = new Schema(PARTITION_INDEX, ERROR_CODE);

    public static final Field<List<Struct>> TOPIC_RESPONSE_PARTITIONS = array("partitions", PARTITION_RESPONSE);
    public static final Schema TOPIC_RESPONSE = new Schema(NAME, TOPIC_RESPONSE_PARTITIONS);

    public static final Field<Integer> THROTTLE_TIME_MS = int32("throttle_time_ms").since(3);
    public static final Field<List<Struct>> RESPONSE_TOPICS = array("topics", TOPIC_RESPONSE);
    public static final Schema RESPONSE = new Schema(THROTTLE_TIME_MS, RESPONSE_TOPICS);
}
