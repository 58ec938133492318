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

/** SyncGroup (key 14), versions 0-3: the leader hands in the assignment; every member gets its own part. */
public final class SyncGroupMessage {
    private SyncGroupMessage() {
    }

    public static final Field<String> MEMBER_ID = string("member_id");
    public static final Field<ByteBuffer> ASSIGNMENT = bytes("assignment");
    public static final Schema MEMBER_ASSIGNMENT = new Schema(MEMBER_ID, ASSIGNMENT);

    public static final Field<String> GROUP_ID = string("group_id");
    public static final Field<Integer> GENERATION_ID = int32("generation_id");
    public static final Field<String> GROUP_INSTANCE_ID =
            string("group_instance_id").since(3).nullableSince(3).withDefault(null);
    public static final Field<List<Struct>> ASSIGNMENTS = array("assignments", MEMBER_ASSIGNMENT);
    public static final Schema REQUEST = new Schema(GROUP_ID, GENERATION_ID, MEMBER_ID, GROUP_INSTANCE_ID, ASSIGNMENTS);

    public static final Field<Integer> THROTTLE_TIME_MS = int32("throttle_time_ms").since(1);
    public static final Field<Short> ERROR_CODE = int16("error_code");
    public static final Schema RESPONSE = new Schema(THROTTLE_TIME_MS, ERROR_CODE, ASSIGNMENT);
}
