package io.karst.protocol.messages;

import io.karst.protocol.Schema;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.of;
import static io.karst.protocol.FieldType.*;

/** Metadata (key 3), versions 0-4: brokers, cluster id, controller, and topics with partition leaders. */
public final class MetadataMessage {
    private MetadataMessage() {
    }

    public static final Schema REQUEST = new Schema(
            array("topics", new Schema(of("name", STRING))).nullableSince(1),
            of("allow_auto_topic_creation", BOOLEAN).since(4).withDefault(true));

    public static final Schema BROKER = new Schema(
            of("node_id", INT32),
            of("host", STRING),
            of("port", INT32),
            of("rack", STRING).since(1).nullableSince(1).withDefault(null));

    public static final Schema PARTITION = new Schema(
            of("error_code", INT16),
            of("partition_index", INT32),
            of("leader_id", INT32),
            array("replica_nodes", INT32),
            array("isr_nodes", INT32));

    public static final Schema TOPIC = new Schema(
            of("error_code", INT16),
            of("name", STRING),
            of("is_internal", BOOLEAN).since(1),
            array("partitions", PARTITION));

    public static final Schema RESPONSE = new Schema(
            of("throttle_time_ms", INT32).since(3),
            array("brokers", BROKER),
            of("cluster_id", STRING).since(2).nullableSince(2).withDefault(null),
            of("controller_id", INT32).since(1).withDefault(-1),
            array("topics", TOPIC));
}
