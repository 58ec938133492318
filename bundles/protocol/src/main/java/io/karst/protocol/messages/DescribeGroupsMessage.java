package io.karst.protocol.messages;

import io.karst.protocol.Schema;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.of;
import static io.karst.protocol.FieldType.*;

/** DescribeGroups (key 15), versions 0-4: state, protocol and members (with metadata and assignment) of groups. */
public final class DescribeGroupsMessage {
    private DescribeGroupsMessage() {
    }

    public static final Schema REQUEST = new Schema(
            array("groups", STRING),
            of("include_authorized_operations", BOOLEAN).since(3));

    public static final Schema MEMBER = new Schema(
            of("member_id", STRING),
            of("group_instance_id", STRING).since(4).nullableSince(4).withDefault(null),
            of("client_id", STRING),
            of("client_host", STRING),
            of("member_metadata", BYTES),
            of("member_assignment", BYTES));

    public static final Schema GROUP = new Schema(
            of("error_code", INT16),
            of("group_id", STRING),
            of("group_state", STRING),
            of("protocol_type", STRING),
            of("protocol_data", STRING),
            array("members", MEMBER),
            of("authorized_operations", INT32).since(3).withDefault(Integer.MIN_VALUE));

    public static final Schema RESPONSE = new Schema(
            of("throttle_time_ms", INT32).since(1),
            array("groups", GROUP));
}
