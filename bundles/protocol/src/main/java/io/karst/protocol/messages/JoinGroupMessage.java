package io.karst.protocol.messages;

import io.karst.protocol.Field;
import io.karst.protocol.Schema;
import io.karst.protocol.Struct;

import java.nio.ByteBuffer;
import java.util.List;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.bytes;
import static io.karst.protocol.Field.int16;
import static io.karst.protocol.Field.int32;
import static io.karst.protocol.Field.string;

/**
 * JoinGroup (key 11), versions 0-5: a member joins (or rejoins) a classic group; the answer comes
 * when the join phase ends, with the generation, the chosen protocol, the leader and, for the
 * leader only, every member's metadata.
 */
public final class JoinGroupMessage {
    private JoinGroupMessage() {
    }

    public static final Field<String> NAME = string("name");
    public static final Field<ByteBuffer> METADATA = bytes("metadata");
    public static final Schema PROTOCOL = new Schema(NAME, METADATA);

    public static final Field<String> GROUP_ID = string("group_id");
    public static final Field<Integer> SESSION_TIMEOUT_MS = int32("session_timeout_ms");
    public static final Field<Integer> REBALANCE_TIMEOUT_MS = int32("rebalance_timeout_ms").since(1).withDefault(-1);
    public static final Field<String> MEMBER_ID = string("member_id");
    public static final Field<String> GROUP_INSTANCE_ID =
            string("group_instance_id").since(5).nullableSince(5).withDefault(null);
    public static final Field<String> PROTOCOL_TYPE = string("protocol_type");
    public static final Field<List<Struct>> PROTOCOLS = array("protocols", PROTOCOL);
    public static final Schema REQUEST = new Schema(
            GROUP_ID,
            SESSION_TIMEOUT_MS,
            REBALANCE_TIMEOUT_MS,
            MEMBER_ID,
            GROUP_INSTANCE_ID,
            PROTOCOL_TYPE,
            PROTOCOLS);

    public static final Schema MEMBER = new Schema(MEMBER_ID, GROUP_INSTANCE_ID, METADATA);

    public static final Field<Integer> THROTTLE_TIME_MS = int32("throttle_time_ms").since(2);
    public static final Field<Short> ERROR_CODE = int16("error_code");
    public static final Field<Integer> GENERATION_ID = int32("generation_id").withDefault(-1);
    public static final Field<String> PROTOCOL_NAME = string("protocol_name");
    public static final Field<String> LEADER = string("leader");
    public static final Field<List<Struct>> MEMBERS = array("members", MEMBER);
    public static final Schema RESPONSE = new Schema(
            THROTTLE_TIME_MS,
            ERROR_CODE,
            GENERATION_ID,
            PROTOCOL_NAME,
            LEADER,
            MEMBER_ID,
            MEMBERS);
}
