package io.karst.broker.internal;

import io.karst.api.TopicPartition;
import io.karst.protocol.ProtocolException;
import io.karst.protocol.Schema;
import io.karst.protocol.Struct;

import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.util.ArrayList;
import java.util.List;

import static io.karst.protocol.Field.array;
import static io.karst.protocol.Field.of;
import static io.karst.protocol.FieldType.BYTES;
import static io.karst.protocol.FieldType.INT32;
import static io.karst.protocol.FieldType.STRING;

/**
 * Reads the partitions out of a consumer group member's assignment, which the group's leader wrote in
 * Kafka's consumer protocol (ConsumerProtocolAssignment, versions 0-3 alike): an int16 version, then
 * the assigned partitions per topic and the assignor's user data.
 */
final class ConsumerAssignment {
    private static final Schema TOPIC = new Schema(
            of("topic", STRING),
            array("partitions", INT32));
    private static final Schema ASSIGNMENT = new Schema(
            array("assigned_partitions", TOPIC),
            of("user_data", BYTES).nullableSince(0));

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
            for (Struct topic : struct.getStructs("assigned_partitions")) {
                for (Integer p : topic.<Integer>getList("partitions")) {
                    result.add(new TopicPartition(topic.getString("topic"), p));
                }
            }
        } catch (ProtocolException | BufferUnderflowException | IllegalArgumentException e) {
            return List.of();
        }
        return result;
    }
}
