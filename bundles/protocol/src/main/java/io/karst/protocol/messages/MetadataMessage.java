package io.karst.protocol.messages;

import io.karst.protocol.Field;
import io.karst.protocol.Schema;
import io.karst.protocol.Struct;

import java.util.List;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.bool;
import static io.karst.protocol.Field.int16;
import static io.karst.protocol.Field.int32;
import static io.karst.protocol.Field.int32Array;
import static io.karst.protocol.Field.string;

/** Metadata (key 3), versions 0-4: brokers, cluster id, controller, and topics with partition leaders. */
public final class MetadataMessage {
    private MetadataMessage() {
    }

    public static final Field<String> NAME = string("name");
    public static final Schema REQUEST_TOPIC = new Schema(NAME);

    public static final Field<List<Struct>> REQUEST_TOPICS = array("topics", REQUEST_TOPIC).nullableSince(1);
    public static final Field<Boolean> ALLOW_AUTO_TOPIC_CREATION =
            bool("allow_auto_topic_creation").since(4).withDefault(true);
    public static final Schema REQUEST = new Schema(REQUEST_TOPICS, ALLOW_AUTO_TOPIC_CREATION);

    public static final Field<Integer> NODE_ID = int32("node_id");
    public static final Field<String> HOST = string("host");
    public static final Field<Integer> PORT = int32("port");
    public static final Field<String> RACK = string("rack").since(1).nullableSince(1).withDefault(null);
    public static final Schema BROKER = new Schema(NODE_ID, HOST, PORT, RACK);

    public static final Field<Short> ERROR_CODE = int16("error_code");
    public static final Field<Integer> PARTITION_INDEX = int32("partition_index");
    public static final Field<Integer> LEADER_ID = int32("leader_id");
    public static final Field<List<Integer>> REPLICA_NODES = int32Array("replica_nodes");
    public static final Field<List<Integer>> ISR_NODES = int32Array("isr_nodes");
    public static final Schema PARTITION = new Schema(ERROR_CODE, PARTITION_INDEX, LEADER_ID, REPLICA_NODES, ISR_NODES);

    public static final Field<Boolean> IS_INTERNAL = bool("is_internal").since(1);
    public static final Field<List<Struct>> PARTITIONS = array("partitions", PARTITION);
    public static final Schema TOPIC = new Schema(ERROR_CODE, NAME, IS_INTERNAL, PARTITIONS);

    public static final Field<Integer> THROTTLE_TIME_MS = int32("throttle_time_ms").since(3);
    public static final Field<List<Struct>> BROKERS = array("brokers", BROKER);
    public static final Field<String> CLUSTER_ID = string("cluster_id").since(2).nullableSince(2).withDefault(null);
    public static final Field<Integer> CONTROLLER_ID = int32("controller_id").since(1).withDefault(-1);
    public static final Field<List<Struct>> RESPONSE_TOPICS = array("topics", TOPIC);
    public static final Schema RESPONSE = new Schema(
            THROTTLE_TIME_MS,
            BROKERS,
            CLUSTER_ID,
            CONTROLLER_ID,
            RESPONSE_TOPICS);
}
