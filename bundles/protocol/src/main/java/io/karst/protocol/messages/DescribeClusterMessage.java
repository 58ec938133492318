package io.karst.protocol.messages;

import io.karst.protocol.Field;
import io.karst.protocol.Schema;
import io.karst.protocol.Struct;

import java.util.List;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.bool;
import static io.karst.protocol.Field.int16;
import static io.karst.protocol.Field.int32;
import static io.karst.protocol.Field.int8;
import static io.karst.protocol.Field.string;

/** DescribeCluster (key 60), versions 0-1, flexible in all versions. */
public final class DescribeClusterMessage {
    private DescribeClusterMessage() {
    }

    public static final Field<Boolean> INCLUDE_CLUSTER_AUTHORIZED_OPERATIONS =
            bool("include_cluster_authorized_operations");
    public static final Field<Byte> ENDPOINT_TYPE = int8("endpoint_type").since(1).withDefault((byte) 1);
    public static final Schema REQUEST = new Schema(INCLUDE_CLUSTER_AUTHORIZED_OPERATIONS, ENDPOINT_TYPE);

    public static final Field<Integer> BROKER_ID = int32("broker_id");
    public static final Field<String> HOST = string("host");
    public static final Field<Integer> PORT = int32("port");
    public static final Field<String> RACK = string("rack").nullableSince(0).withDefault(null);
    public static final Schema BROKER = new Schema(BROKER_ID, HOST, PORT, RACK);

    public static final Field<Integer> THROTTLE_TIME_MS = int32("throttle_time_ms");
    public static final Field<Short> ERROR_CODE = int16("error_code");
    public static final Field<String> ERROR_MESSAGE = string("error_message").nullableSince(0).withDefault(null);
    public static final Field<String> CLUSTER_ID = string("cluster_id");
    public static final Field<Integer> CONTROLLER_ID = int32("controller_id").withDefault(-1);
    public static final Field<List<Struct>> BROKERS = array("brokers", BROKER);
    public static final Field<Integer> CLUSTER_AUTHORIZED_OPERATIONS =
            int32("cluster_authorized_operations").withDefault(Integer.MIN_VALUE);
    public static final Schema RESPONSE = new Schema(
            THROTTLE_TIME_MS,
            ERROR_CODE,
            ERROR_MESSAGE,
            ENDPOINT_TYPE,
            CLUSTER_ID,
            CONTROLLER_ID,
            BROKERS,
            CLUSTER_AUTHORIZED_OPERATIONS);
}
