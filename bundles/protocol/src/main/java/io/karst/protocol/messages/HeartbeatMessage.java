package io.karst.protocol.messages;

import io.karst.protocol.Field;
import io.karst.protocol.Schema;

import static io.karst.protocol.Field.int16;
import static io.karst.protocol.Field.int32;
import static io.karst.protocol.Field.string;

/** Heartbeat (key 12), versions 0-3: a member says it is alive and learns of a rebalance. */
public final class HeartbeatMessage {
    private HeartbeatMessage() {
    }

    public static final Field<String> GROUP_ID = string("group_id");
    public static final Field<Integer> GENERATION_ID = int32("generation_id");
    public static final Field<String> MEMBER_ID = string("member_id");
    public static final Field<String> GROUP_INSTANCE_ID =
            string("group_instance_id").since(3).nullableSince(3).withDefault(null);
    public static final Schema REQUEST = new Schema(GROUP_ID, GENERATION_ID, MEMBER_ID, GROUP_INSTANCE_ID);

    public static final Field<Integer> THROTTLE_TIME_MS = int32("throttle_time_ms").since(1);
    public static final Field<Short> ERROR_CODE = int16("error_code");
    public static final Schema RESPONSE = new Schema(THROTTLE_TIME_MS, ERROR_CODE);
}
