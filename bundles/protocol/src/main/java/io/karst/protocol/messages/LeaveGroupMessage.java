package io.karst.protocol.messages;

import io.karst.protocol.Field;
import io.karst.protocol.Schema;
import io.karst.protocol.Struct;

import java.util.List;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.int16;
import static io.karst.protocol.Field.int32;
import static io.karst.protocol.Field.string;

/**
 * LeaveGroup (key 13), versions 0-3: one member leaves its group; from v3 the request names
 * several members, a static one possibly by its instance id alone (KIP-345), each with its own error.
 */
public final class LeaveGroupMessage {
    private LeaveGroupMessage() {
    }

    public static final Field<String> MEMBER_ID = string("member_id");
    public static final Field<String> GROUP_INSTANCE_ID = string("group_instance_id").nullableSince(3);
    public static final Schema MEMBER = new Schema(MEMBER_ID, GROUP_INSTANCE_ID);

    public static final Field<String> GROUP_ID = string("group_id");
    public static final Field<String> REQUEST_MEMBER_ID = string("member_id").until(2);
    public static final Field<List<Struct>> REQUEST_MEMBERS = array("members", MEMBER).since(3);
    public static final Schema REQUEST = new Schema(GROUP_ID, REQUEST_MEMBER_ID, REQUEST_MEMBERS);

    public static final Field<Short> ERROR_CODE = int16("error_code");
    public static final Schema MEMBER_RESPONSE = new Schema(MEMBER_ID, GROUP_INSTANCE_ID, ERROR_CODE);

    public static final Field<Integer> THROTTLE_TIME_MS = int32("throttle_time_ms").since(1);
    public static final Field<List<Struct>> RESPONSE_MEMBERS = array("members", MEMBER_RESPONSE).since(3);
    public static final Schema RESPONSE = new Schema(THROTTLE_TIME_MS, ERROR_CODE, RESPONSE_MEMBERS);
}
