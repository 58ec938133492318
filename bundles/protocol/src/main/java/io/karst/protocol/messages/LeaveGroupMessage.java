package io.karst.protocol.messages;

import io.karst.protocol.Schema;

import static io.karst.protocol.Field.of;
import static io.karst.protocol.FieldType.*;

/** LeaveGroup (key 13), versions 0-1: one member leaves its group. */
public final class LeaveGroupMessage {
    private LeaveGroupMessage() {
    }

    public static final Schema REQUEST = new Schema(
            of("group_id", STRING),
            of("member_id", STRING));

    public static final Schema RESPONSE = new Schema(
            of("throttle_time_ms", INT32).since(1),
            of("error_code", INT16));
}
