package io.karst.protocol.messages;

import io.karst.protocol.Field;
import io.karst.protocol.Schema;

import static io.karst.protocol.Field.int16;
import static io.karst.protocol.Field.int32;
import static io.karst.protocol.Field.int8;
import static io.karst.protocol.Field.string;

/** FindCoordinator (key 10), versions 0-2: the broker that coordinates a group (key type 0) or a transactional id (1). */
public final class FindCoordinatorMessage {
    private FindCoordinatorMessage() {
    }

    public static final Field<String> KEY = string("key");
    public static final Field<Byte> KEY_TYPE = int8("key_type").since(1);
    public static final Schema REQUEST = new Schema(KEY, KEY_TYPE);

    public static final Field<Integer> THROTTLE_TIME_MS = int32("throttle_time_ms").since(1);
    public static final Field<Short> ERROR_CODE = int16("error_code");
    public static final Field<String> ERROR_MESSAGE =
            string("error_message").since(1).nullableSince(1).withDefault(null);
    public static final Field<Integer> NODE_ID = int32("node_id");
    public static final Field<String> HOST = string("host");
    public static final Field<Integer> PORT = int32("port");
    public static final Schema RESPONSE = new Schema(THROTTLE_TIME_MS, ERROR_CODE, ERROR_MESSAGE, NODE_ID, HOST, PORT);
}
