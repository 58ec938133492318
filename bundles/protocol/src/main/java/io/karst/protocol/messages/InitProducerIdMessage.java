package io.karst.protocol.messages;

import io.karst.protocol.Schema;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.of;
import static io.karst.protocol.FieldType.*;

/** InitProducerId (key 22), versions 0-4, flexible from v2: a producer id and epoch for an idempotent producer. */
public final class InitProducerIdMessage {
    private InitProducerIdMessage() {
    }

    public static final Schema REQUEST = new Schema(
            of("transactional_id", STRING).nullableSince(0),
            of("transaction_timeout_ms", INT32),
            of("producer_id", INT64).since(3).withDefault(-1L),
            of("producer_epoch", INT16).since(3).withDefault((short) -1));

    public static final Schema RESPONSE = new Schema(
            of("throttle_time_ms", INT32),
            of("error_code", INT16),
            of("producer_id", INT64).withDefault(-1L),
            of("producer_epoch", INT16).withDefault((short) -1));
}
