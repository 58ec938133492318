package io.karst.protocol.messages;

import io.karst.protocol.Schema;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.of;
import static io.karst.protocol.FieldType.*;

/**
 * OffsetCommit (key 8), versions 2-7: a group's committed offsets. Generation -1 with an empty
 * member id commits for a group that has no members ({@code assign()} users).
 */
public final class OffsetCommitMessage {
    private OffsetCommitMessage() {
    }

    public static final Schema PARTITION = new Schema(
            of("partition_index", INT32),
            of("committed_offset", INT64),
            of("committed_leader_epoch", INT32).since(6).withDefault(-1),
            of("commit_timestamp", INT64).since(1).until(1).withDefault(-1L),
            of("committed_metadata", STRING).nullableSince(0));

    public static final Schema TOPIC = new Schema(
            of("name", STRING),
            array("partitions", PARTITION));

    public static final Schema REQUEST = new Schema(
            of("group_id", STRING),
            of("generation_id_or_member_epoch", INT32).since(1).withDefault(-1),
            of("member_id", STRING).since(1),
            of("group_instance_id", STRING).since(7).nullableSince(7).withDefault(null),
            of("retention_time_ms", INT64).since(2).until(4).withDefault(-1L),
            array("topics", TOPIC));

    public static final Schema PARTITION_RESPONSE = new Schema(
            of("partition_index", INT32),
            of("error_code", INT16));

    public static final Schema TOPIC_RESPONSE = new Schema(
            of("name", STRING),
            array("partitions", PARTITION_RESPONSE));

    public static final Schema RESPONSE = new Schema(
            of("throttle_time_ms", INT32).since(3),
            array("topics", TOPIC_RESPONSE));
}
