package io.karst.protocol.messages;

import io.karst.protocol.Schema;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.of;
import static io.karst.protocol.FieldType.*;

/** SyncGroup (key 14), versions 0-3: the leader hands in the assignment; every member gets its own part. */
public final class SyncGroupMessage {
    private SyncGroupMessage() {
    }

    public static final Schema ASSIGNMENT = new Schema(
            of("member_id", STRING),
            of("assignment", BYTES));

    public static final Schema REQUEST = new Schema(
            of("group_id", STRING),
            of("generation_id", INT32),
            of("member_id", STRING),
            of("group_instance_id", STRING).since(3).nullableSince(3).withDefault(null),
            array("assignments", ASSIGNMENT));

    public static final Schema RESPONSE = new Schema(
            of("throttle_time_ms", INT32).since(1),
            of("error_code", INT16),
            of("assignment", BYTES));
}
