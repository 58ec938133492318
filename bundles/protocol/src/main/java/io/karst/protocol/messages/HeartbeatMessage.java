package io.karst.protocol.messages;

import io.karst.protocol.Schema;

import static io.karst.protocol.Field.of;
import static io.karst.protocol.FieldType.*;

/** Heartbeat (key 12), versions 0-3: a member says it is alive and learns of a rebalance. */
public final class HeartbeatMessage {
    private HeartbeatMessage() {
    }

    public static final Schema REQUEST = new Schema(
            of("group_id", STRING),
            of("generation_id", INT32),
            of("member_id", STRING),
            of("group_instance_id", STRING).since(3).nullableSince(3).withDefault(null));

    public static final Schema RESPONSE = new Schema(
            of("throttle_time_ms", INT32).since(1),
            of("error_code", INT16));
}
