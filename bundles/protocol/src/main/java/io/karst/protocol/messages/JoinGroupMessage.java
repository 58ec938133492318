package io.karst.protocol.messages;

import io.karst.protocol.Schema;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.of;
import static io.karst.protocol.FieldType.*;

/**
 * JoinGroup (key 11), versions 0-5: a member joins (or rejoins) a classic group; the answer comes
 * when the join phase ends, with the generation, the chosen protocol, the leader and, for the
 * leader only, every member's metadata.
 */
public final class JoinGroupMessage {
    private JoinGroupMessage() {
    }

    public static final Schema PROTOCOL = new Schema(
            of("name", STRING),
            of("metadata", BYTES));

    public static final Schema REQUEST = new Schema(
            of("group_id", STRING),
            of("session_timeout_ms", INT32),
            of("rebalance_timeout_ms", INT32).since(1).withDefault(-1),
            of("member_id", STRING),
            of("group_instance_id", STRING).since(5).nullableSince(5).withDefault(null),
            of("protocol_type", STRING),
            array("protocols", PROTOCOL));

    public static final Schema MEMBER = new Schema(
            of("member_id", STRING),
            of("group_instance_id", STRING).since(5).nullableSince(5).withDefault(null),
            of("metadata", BYTES));

    public static final Schema RESPONSE = new Schema(
            of("throttle_time_ms", INT32).since(2),
            of("error_code", INT16),
            of("generation_id", INT32).withDefault(-1),
            of("protocol_name", STRING),
            of("leader", STRING),
            of("member_id", STRING),
            array("members", MEMBER));
}
