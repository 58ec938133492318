package io.karst.broker.internal;

import io.karst.api.TopicPartition;
import io.karst.protocol.Field;
import io.karst.protocol.ProtocolException;
import io.karst.protocol.Schema;
import io.karst.protocol.Struct;

import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.util.ArrayList;
import java.util.List;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.bytes;
import static io.karst.protocol.Field.int32Array;
import static io.karst.protocol.Field.string;

/**
 * Reads the partitions out of a consumer group member's assignment, which the group's leader wrote in
 * Kafka's consumer protocol (ConsumerProtocolAssignment, versions 0-3 alike): an int16 version, then
 * the assigned partitions per topic and the assignor's user data.
 */
final class ConsumerAssignment {
    private static final Field<String> TOPIC = string("topic");
    private static final Field<List<Integer>> PARTITIONS = int32Array("partitions");
    private static final Schema TOPIC_PARTITIONS = new Schema(TOPIC, PARTITIONS);
    private static final Field<List<Struct>> ASSIGNED_PARTITIONS = array("assigned_partitions", TOPIC_PARTITIONS);
    private static final Field<ByteBuffer> USER_DATA = bytes("user_data").nullableSince(0);
    private static final Schema ASSIGNMENT = new Schema(ASSIGNED_PARTITIONS, USER_DATA);

    private ConsumerAssignment() {
    }

    /** The assigned partitions; none for empty or unreadable bytes (another protocol type's assignment). */
    static List<TopicPartition> partitions(byte[] assignment) {
        List<TopicPartition> result = new ArrayList<>();
        if (assignment.length < 2) {
            return result;
        }
        ByteBuffer buf = ByteBuffer.wrap(assignment);
        short version = buf.getShort();
        try {
            Struct struct = ASSIGNMENT.read(buf, Math.max(0, version), false);
            for (Struct topic : struct.get(ASSIGNED_PARTITIONS)) {
                for (Integer p : topic.get(PARTITIONS)) {
                    result.add(new TopicPartition(topic.get(TOPIC), p));
                }
            }
        } catch (ProtocolException | BufferUnderflowException | IllegalArgumentException e) {
            return List.of();
        }
        return result;
    }
}
