package io.karst.protocol.messages;

import io.karst.protocol.Field;
import io.karst.protocol.Schema;

import static io.karst.protocol.Field.int16;
import static io.karst.protocol.Field.int32;
import static io.karst.protocol.Field.int64;
import static io.karst.protocol.Field.string;

/** InitProducerId (key 22), versions 0-4, flexible from v2: a producer id and epoch for an idempotent producer. */
public final class InitProducerIdMessage {
    private InitProducerIdMessage() {
    }

    public static final Field<String> TRANSACTIONAL_ID = string("transactional_id").nullableSince(0);
    public static final Field<Integer> TRANSACTION_TIMEOUT_MS = int32("transaction_timeout_ms");
    public static final Field<Long> REQUEST_PRODUCER_ID = int64("producer_id").since(3).withDefault(-1L);
    public static final Field<Short> REQUEST_PRODUCER_EPOCH = int16("producer_epoch").since(3).withDefault((short) -1);
    public static final Schema REQUEST = new Schema(
            TRANSACTIONAL_ID,
            TRANSACTION_TIMEOUT_MS,
            REQUEST_PRODUCER_ID,
            REQUEST_PRODUCER_EPOCH);

    public static final Field<Integer> THROTTLE_TIME_MS = int32("throttle_time_ms");
    public static final Field<Short> ERROR_CODE = int16("error_code");
    public static final Field<Long> RESPONSE_PRODUCER_ID = int64("producer_id").withDefault(-1L);
    public static final Field<Short> RESPONSE_PRODUCER_EPOCH = int16("producer_epoch").withDefault((short) -1);
    public static final Schema RESPONSE = new Schema(
            THROTTLE_TIME_MS,
            ERROR_CODE,
            RESPONSE_PRODUCER_ID,
            RESPONSE_PRODUCER_EPOCH);
}
