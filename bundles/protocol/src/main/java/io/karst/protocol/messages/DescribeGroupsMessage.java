package io.karst.protocol.messages;

import io.karst.protocol.Field;
import io.karst.protocol.Schema;
import io.karst.protocol.Struct;

import java.nio.ByteBuffer;
import java.util.List;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.bool;
import static io.karst.protocol.Field.bytes;
import static io.karst.protocol.Field.int16;
import static io.karst.protocol.Field.int32;
import static io.karst.protocol.Field.string;
import static io.karst.protocol.Field.stringArray;

/** DescribeGroups (key 15), versions 0-4: state, protocol and members (with metadata and assignment) of groups. */
public final class DescribeGroupsMessage {
    private DescribeGroupsMessage() {
    }

    public static final Field<List<String>> REQUEST_GROUPS = stringArray("groups");
    public static final Field<Boolean> INCLUDE_AUTHORIZED_OPERATIONS = bool("include_authorized_operations").since(3);
    public static final Schema REQUEST = new Schema(REQUEST_GROUPS, INCLUDE_AUTHORIZED_OPERATIONS);

    public static final Field<String> MEMBER_ID = string("member_id");
    public static final Field<String> GROUP_INSTANCE_ID =
            string("group_instance_id").since(4).nullableSince(4).withDefault(null);
    public static final Field<String> CLIENT_ID = string("client_id");
    public static final Field<String> CLIENT_HOST = string("client_host");
    public static final Field<ByteBuffer> MEMBER_METADATA = bytes("member_metadata");
    public static final Field<ByteBuffer> MEMBER_ASSIGNMENT = bytes("member_assignment");
    public static final Schema MEMBER = new Schema(
            MEMBER_ID,
            GROUP_INSTANCE_ID,
            CLIENT_ID,
            CLIENT_HOST,
            MEMBER_METADATA,
            MEMBER_ASSIGNMENT);

    public static final Field<Short> ERROR_CODE = int16("error_code");
    public static final Field<String> GROUP_ID = string("group_id");
    public static final Field<String> GROUP_STATE = string("group_state");
    public static final Field<String> PROTOCOL_TYPE = string("protocol_type");
    public static final Field<String> PROTOCOL_DATA = string("protocol_data");
    public static final Field<List<Struct>> MEMBERS = array("members", MEMBER);
    public static final Field<Integer> AUTHORIZED_OPERATIONS =
            int32("authorized_operations").since(3).withDefault(Integer.MIN_VALUE);
    public static final Schema GROUP = new Schema(
            ERROR_CODE,
            GROUP_ID,
            GROUP_STATE,
            PROTOCOL_TYPE,
            PROTOCOL_DATA,
            MEMBERS,
            AUTHORIZED_OPERATIONS);

    public static final Field<Integer> THROTTLE_TIME_MS = int32("throttle_time_ms").since(1);
    public static final Field<List<Struct>> RESPONSE_GROUPS = array("groups", GROUP);
    public static final Schema RESPONSE = new Schema(THROTTLE_TIME_MS, RESPONSE_GROUPS);
}
