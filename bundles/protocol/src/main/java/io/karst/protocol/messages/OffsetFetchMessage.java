package io.karst.protocol.messages;

import io.karst.protocol.Schema;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.of;
import static io.karst.protocol.FieldType.*;

/**
 * OffsetFetch (key 9), versions 1-7, flexible from v6: a group's committed offsets, for the asked
 * partitions or (null topics, v2+) for all of them; -1 where nothing is committed.
 */
public final class OffsetFetchMessage {
    private OffsetFetchMessage() {
    }

    public static final Schema TOPIC = new Schema(
            of("name", STRING),
            array("partition_indexes", INT32));

    public static final Schema REQUEST = new Schema(
            of("group_id", STRING),
            array("topics", TOPIC).nullableSince(2),
            of("require_stable", BOOLEAN).since(7));

    public static final Schema PARTITION_RESPONSE = new Schema(
            of("partition_index", INT32),
            of("committed_offset", INT64),
            of("committed_leader_epoch", INT32).since(5).withDefault(-1),
            of("metadata", STRING).nullableSince(0),
            of("error_code", INT16));

    public static final Schema TOPIC_RESPONSE = new Schema(
            of("name", STRING),
            array("partitions", PARTITION_RESPONSE));

    public static final Schema RESPONSE = new Schema(
            of("throttle_time_ms", INT32).since(3),
            array("topics", TOPIC_RESPONSE),
            of("error_code", INT16).since(2));
}
