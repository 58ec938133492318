package io.karst.protocol.messages;

import io.karst.protocol.Schema;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.of;
import static io.karst.protocol.FieldType.*;

/** ListGroups (key 16), versions 0-2: every group this coordinator knows, with its protocol type. */
public final class ListGroupsMessage {
    private ListGroupsMessage() {
    }

    public static final Schema REQUEST = new Schema();

    public static final Schema GROUP = new Schema(
            of("group_id", STRING),
            of("protocol_type", STRING));

    public static final Schema RESPONSE = new Schema(
            of("throttle_time_ms", INT32).since(1),
            of("error_code", INT16),
            array("groups", GROUP));
}
