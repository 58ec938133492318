package io.karst.protocol.messages;

import io.karst.protocol.Schema;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.of;
import static io.karst.protocol.FieldType.*;

/** DescribeCluster (key 60), versions 0-1, flexible in all versions. */
public final class DescribeClusterMessage {
    private DescribeClusterMessage() {
    }

    public static final Schema REQUEST = new Schema(
            of("include_cluster_authorized_operations", BOOLEAN),
            of("endpoint_type", INT8).since(1).withDefault((byte) 1));

    public static final Schema BROKER = new Schema(
            of("broker_id", INT32),
            of("host", STRING),
            of("port", INT32),
            of("rack", STRING).nullableSince(0).withDefault(null));

    public static final Schema RESPONSE = new Schema(
            of("throttle_time_ms", INT32),
            of("error_code", INT16),
            of("error_message", STRING).nullableSince(0).withDefault(null),
            of("endpoint_type", INT8).since(1).withDefault((byte) 1),
            of("cluster_id", STRING),
            of("controller_id", INT32).withDefault(-1),
            array("brokers", BROKER),
            of("cluster_authorized_operations", INT32).withDefault(Integer.MIN_VALUE));
}
