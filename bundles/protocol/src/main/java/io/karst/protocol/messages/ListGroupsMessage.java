package io.karst.protocol.messages;

import io.karst.protocol.Field;
import io.karst.protocol.Schema;
import io.karst.protocol.Struct;

import java.util.List;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.int16;
import static io.karst.protocol.Field.int32;
import static io.karst.protocol.Field.string;

/** ListGroups (key 16), versions 0-2: every group this coordinator knows, with its protocol type. */
public final class ListGroupsMessage {
    private ListGroupsMessage() {
    }

    public static final Schema REQUEST = new Schema();

    public static final Field<String> GROUP_ID = string("group_id");
    public static final Field<String> PROTOCOL_TYPE = string("protocol_type");
    public static final Schema GROUP = new Schema(GROUP_ID, PROTOCOL_TYPE);

    public static final Field<Integer> THROTTLE_TIME_MS = int32("throttle_time_ms").since(1);
    public static final Field<Short> ERROR_CODE = int16("error_code");
    public static final Field<List<Struct>> GROUPS = array("groups", GROUP);
    public static final Schema RESPONSE = new Schema(THROTTLE_TIME_MS, ERROR_CODE, GROUPS);
}
