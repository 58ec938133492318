package io.karst.protocol.messages;

import io.karst.protocol.Schema;

import static io.karst.protocol.Field.of;
import static io.karst.protocol.FieldType.*;

/** FindCoordinator (key 10), versions 0-2: the broker that coordinates a group (key type 0) or a transactional id (1). */
public final class FindCoordinatorMessage {
    private FindCoordinatorMessage() {
    }

    public static final Schema REQUEST = new Schema(
            of("key", STRING),
            of("key_type", INT8).since(1));

    public static final Schema RESPONSE = new Schema(
            of("throttle_time_ms", INT32).since(1),
            of("error_code", INT16),
            of("error_message", STRING).since(1).nullableSince(1).withDefault(null),
            of("node_id", INT32),
            of("host", STRING),
            of("port", INT32));
}
