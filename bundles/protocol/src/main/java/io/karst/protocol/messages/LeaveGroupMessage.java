package io.karst.protocol.messages;

import io.karst.protocol.Schema;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.of;
import static io.karst.protocol.FieldType.*;

/**
 * LeaveGroup (key 13), versions 0-3: one member leaves its group; from v3 the request names
 * several members, a static one possibly by its instance id alone (KIP-345), each with its own error.
 */
public final class LeaveGroupMessage {
    private LeaveGroupMessage() {
    }

    public static final Schema MEMBER = new Schema(
            of("member_id", STRING),
            of("group_instance_id", STRING).nullableSince(3));

    public static final Schema REQUEST = new Schema(
            of("group_id", STRING),
            of("member_id", STRING).until(2),
            array("members", MEMBER).since(3));

    public static final Schema MEMBER_RESPONSE = new Schema(
            of("member_id", STRING),
            of("group_instance_id", STRING).nullableSince(3),
            of("error_code", INT16));

    public static final Schema RESPONSE = new Schema(
            of("throttle_time_ms", INT32).since(1),
            of("error_code", INT16),
            array("members", MEMBER_RESPONSE).since(3));
}
